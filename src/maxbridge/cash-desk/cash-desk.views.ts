import type { Location } from './locations/locations.repository';
import type { OpenHours } from './locations/open-hours';
import type { Reservation } from './reservations/reservations.repository';
import type { SsbtDeposit } from './ssbt/ssbt-deposits.repository';

/** A desk as the seed shows it in `retails`. */
export interface LocationView {
  id: string;
  name: string;
  description: string | null;
  lat: number;
  long: number;
  open_hours: OpenHours;
}

/** A reservation as the seed's `get-reservation` shows it. */
export interface ReservationView {
  id: string;
  amount: number;
  confirmationPin: string;
  fee: number;
  location: { id: string; name: string; description: string | null };
  createDate: string;
  expirationDate: string;
  status: string;
  description: string | null;
  user_id: number;
}

export const locationView = (l: Location): LocationView => ({
  id: l.id,
  name: l.name,
  description: l.description,
  lat: l.lat,
  long: l.long,
  open_hours: l.openHours,
});

export const reservationView = (r: Reservation): ReservationView => ({
  id: r.id,
  amount: r.amount,
  confirmationPin: r.confirmationPin,
  fee: r.fee,
  location: r.location,
  createDate: r.createdAt.toIso(),
  expirationDate: r.expiresAt.toIso(),
  status: r.status,
  description: r.description,
  user_id: r.userId,
});

/** An SSBT deposit as the seed's `details` shows it. */
export interface SsbtDetailsView {
  identification: number;
  reference: string;
  amount: number;
  currency: string;
  reservationId: string;
  deviceId: number;
  status: string;
}

/** An SSBT deposit as the seed's `commit` and `reject` answer it. */
export interface SsbtTransactionView {
  transactionId: string;
  reservationId: string;
  deviceId: number;
  identification: number;
  amount: number;
  currency: string;
  status: string;
  createdAt: string;
}

export const ssbtDetailsView = (d: SsbtDeposit): SsbtDetailsView => ({
  identification: d.userId,
  reference: d.reference,
  amount: d.amount,
  currency: d.currency,
  reservationId: d.id,
  deviceId: d.deviceId,
  status: d.status,
});

export const ssbtTransactionView = (d: SsbtDeposit): SsbtTransactionView => ({
  transactionId: d.reference,
  reservationId: d.id,
  deviceId: d.deviceId,
  identification: d.userId,
  amount: d.amount,
  currency: d.currency,
  status: d.status,
  createdAt: seedDateTime(d.createdAt.toIso()),
});

/** The seed's `"01-21-2025 16:00"`: MM-dd-yyyy HH:mm, UTC. */
function seedDateTime(iso: string): string {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  return `${month}-${day}-${year} ${hour}:${minute}`;
}

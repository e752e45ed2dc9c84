import { DeliverySlots } from './delivery-slots';

const to = (endpointId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ endpointId, n: i }));

describe('DeliverySlots', () => {
  it('claims as many ahead as an endpoint has slots, and starts only as many as its slots', () => {
    const slots = new DeliverySlots<{ endpointId: string; n: number }>({
      total: 16,
      perEndpoint: 4,
      ahead: 1,
    });
    expect(slots.roomFor('a', true)).toBe(8);
    expect(slots.roomFor('a', false)).toBe(4);

    slots.add(to('a', 8));
    expect(slots.takeStartable().map((d) => d.n)).toEqual([0, 1, 2, 3]);
    expect(slots.takeStartable()).toEqual([]);
    expect(slots.roomFor('a', true)).toBe(0);
    expect(slots.roomFor('b', true)).toBe(8);

    slots.release('a');
    expect(slots.takeStartable().map((d) => d.n)).toEqual([4]);
    expect(slots.roomFor('a', true)).toBe(1);
    expect(slots.roomFor('a', false)).toBe(0);
  });

  it('keeps the total within its limit across endpoints, counting what a claim is taking', () => {
    const slots = new DeliverySlots<{ endpointId: string; n: number }>({
      total: 3,
      perEndpoint: 2,
      ahead: 1,
    });
    slots.add([...to('a', 2), ...to('b', 2)]);
    const started = slots.takeStartable();
    expect(started.map((d) => d.endpointId)).toEqual(['a', 'a', 'b']);
    expect(slots.roomFor(null, true)).toBe(2);
    expect(slots.roomFor('c', true, 1)).toBe(1);
    expect(slots.roomFor('c', false)).toBe(0);

    slots.release('a');
    expect(slots.takeStartable().map((d) => d.endpointId)).toEqual(['b']);
    expect(slots.idle).toBe(false);
    for (const endpointId of ['a', 'b', 'b']) slots.release(endpointId);
    expect(slots.idle).toBe(true);
  });

  it('hands back what waits when the dispatcher stops', () => {
    const slots = new DeliverySlots<{ endpointId: string; n: number }>({
      total: 4,
      perEndpoint: 1,
      ahead: 1,
    });
    slots.add(to('a', 2));
    expect(slots.takeStartable()).toHaveLength(1);
    expect(slots.takeWaiting()).toEqual([{ endpointId: 'a', n: 1 }]);
    expect(slots.takeStartable()).toEqual([]);
    slots.release('a');
    expect(slots.idle).toBe(true);
  });
});

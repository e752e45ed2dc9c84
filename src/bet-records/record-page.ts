/** A page of records, as both list routes answer (seed 002). */
export interface RecordPage<T> {
  total: number;
  page: number;
  page_size: number;
  items: T[];
}

export const emptyPage = <T>(page: number, size: number): RecordPage<T> => ({
  total: 0,
  page,
  page_size: size,
  items: [],
});

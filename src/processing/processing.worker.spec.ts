import type { AppConfig } from '../config/app-config';
import type { BatchProcessor } from './batch-processor';
import type { PartitionLeasesRepository } from './leases/partition-leases.repository';
import { ProcessingWorker } from './processing.worker';
import type { ProcessingQueueRepository } from './queue/processing-queue.repository';
import { ReceivedEventsSignal } from './queue/received-events.signal';

/** A worker of one loop over fakes: its batches are `batch`, its leases always granted. */
function workerWith(batch: (call: number) => Promise<number>) {
  const signal = new ReceivedEventsSignal();
  const calls: number[] = [];
  const batches = {
    processNext: async () => {
      calls.push(Date.now());
      return batch(calls.length);
    },
  } as unknown as BatchProcessor;
  const leases = {
    heartbeat: async () => undefined,
    renew: async () => [],
    liveWorkers: async () => 1,
    release: async () => undefined,
    acquire: async () => [],
    forgetWorkers: async () => undefined,
    removeWorker: async () => undefined,
  } as unknown as PartitionLeasesRepository;
  const config = {
    worker: {
      enabled: true,
      loops: 1,
      batchSize: 10,
      pollMs: 60_000,
      leaseMs: 30_000,
      lingerMs: 0,
    },
  } as unknown as AppConfig;
  const worker = new ProcessingWorker(
    batches,
    leases,
    {} as ProcessingQueueRepository,
    signal,
    config,
  );
  return { worker, signal, calls };
}

const until = async (done: () => boolean) => {
  for (const deadline = Date.now() + 2000; !done() && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('ProcessingWorker', () => {
  it('wakes a sleeping loop when events are committed', async () => {
    const { worker, signal, calls } = workerWith(async () => 0);
    worker.onApplicationBootstrap();
    await until(() => calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    signal.notify('monitor', 1);
    await until(() => calls.length === 2);
    await worker.beforeApplicationShutdown();
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });

  it('does not sleep past events committed while its batch was claiming (no lost wake-up)', async () => {
    // The first batch claims nothing, and the commit of new events lands while it runs: no loop
    // sleeps then, so only the count of wakes tells the loop to look again at once.
    const holder: { signal?: ReceivedEventsSignal } = {};
    const made = workerWith(async (call) => {
      if (call === 1) holder.signal!.notify('monitor', 1);
      return 0;
    });
    holder.signal = made.signal;
    made.worker.onApplicationBootstrap();
    await until(() => made.calls.length === 2);
    await made.worker.beforeApplicationShutdown();
    expect(made.calls.length).toBeGreaterThanOrEqual(2);
  });
});

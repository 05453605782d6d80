package org.cevns.detsim.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent tasks of uneven cost run on the calling thread and the common pool's workers, each thread taking the
 * next task not yet taken, so that the threads finish together: a parallel stream over a few entries splits them
 * by count into fixed halves, and the thread that drew the costly ones (the EvES g(T) tables of 2000 intervals
 * beside CEvNS tables of 400) was left working while the other waited (docs/performance-history.md, coldrates). Each task
 * writes its own result; which thread runs it does not change it.
 */
final class AllCores {
  private AllCores() {}

  /**
   * Runs every task; the failure of the first failed task in the list's order is thrown on this thread as it was
   * thrown (as a loop over them would have thrown it), after all tasks have ended.
   */
  static void run(List<? extends Runnable> tasks) {
    RuntimeException[] failed = new RuntimeException[tasks.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
        try {
          tasks.get(i).run();
        } catch (RuntimeException e) {
          failed[i] = e;
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), tasks.size() - 1);
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(ForkJoinPool.commonPool().submit(worker));
    }
    worker.run();
    // a helper not yet started finds no task left; join runs or waits for it (the failures are in the array)
    started.forEach(ForkJoinTask::join);
    for (RuntimeException e : failed) {
      if (e != null) {
        throw e;
      }
    }
  }
}

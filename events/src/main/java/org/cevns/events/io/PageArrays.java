package org.cevns.events.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Byte arrays for decompressed pages, reused: {@link #take} lends the smallest free array that holds the page
 * (or a new one), {@link #giveBack} returns an array this pool lent; arrays it did not lend are ignored, so a
 * reader may hand back every page buffer without knowing where it came from. At most {@link #MAX_FREE} arrays
 * are kept. One reader on one thread at a time (not thread-safe); {@link #local()} is the pool of the calling
 * thread, shared by the page readers of that thread across row groups and files (the analysis reads one row group
 * per reader, so a pool per reader allocated every page array anew). Lent arrays are tracked weakly: an array a
 * reader never hands back (a reader abandoned without {@code close}) is not kept alive by the pool.
 */
final class PageArrays {
  private static final ThreadLocal<PageArrays> LOCAL = ThreadLocal.withInitial(PageArrays::new);

  /** Free arrays kept: a reader holds one page per projected column at a time. */
  static final int MAX_FREE = 32;

  private final List<byte[]> free = new ArrayList<>();
  // byte[] has identity equals and hashCode, so the weak map is an identity set
  private final Set<byte[]> lent = Collections.newSetFromMap(new WeakHashMap<>());

  /** The pool of the calling thread. */
  static PageArrays local() {
    return LOCAL.get();
  }

  /** An array of at least {@code size} bytes (contents undefined), lent until {@link #giveBack}. */
  byte[] take(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("page size must be >= 0, got " + size);
    }
    int best = -1;
    for (int i = 0; i < free.size(); i++) {
      int length = free.get(i).length;
      if (length >= size && (best < 0 || length < free.get(best).length)) {
        best = i;
      }
    }
    byte[] a;
    if (best >= 0) {
      int last = free.size() - 1;
      a = free.get(best);
      free.set(best, free.get(last));
      free.remove(last);
    } else {
      a = new byte[size];
    }
    lent.add(a);
    return a;
  }

  /** Takes back {@code array} if this pool lent it and it is not back yet; otherwise does nothing. */
  void giveBack(byte[] array) {
    if (array == null || !lent.remove(array)) {
      return;
    }
    if (free.size() < MAX_FREE) {
      free.add(array);
    }
  }

  /** Stops tracking {@code array} (lent and kept by the borrower): it will not be reused. */
  void forget(byte[] array) {
    if (array != null) {
      lent.remove(array);
    }
  }

  /** Arrays lent and not given back (for tests). */
  int lentCount() {
    return lent.size();
  }

  /** Free arrays kept (for tests). */
  int freeCount() {
    return free.size();
  }
}

package org.cevns.events.io;

import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The min and max (booleans: which values were seen) of the values of one data page, under the column's order, and
 * the parquet-java page statistics made from them. A range's min and max may be merged at once
 * ({@link #doubles}, {@link #signedLongs}): in a total order the min of the union is the min of the mins, and on
 * ties the value seen first is kept, as value by value. Not thread-safe; one per {@link PageValues}.
 */
final class PageMinMax {
  private final PrimitiveType type;
  private final PrimitiveComparator<?> comparator;
  private boolean any;
  private long minLong;
  private long maxLong;
  private double minDouble;
  private double maxDouble;
  private boolean seenFalse;
  private boolean seenTrue;
  private Binary minBinary;
  private Binary maxBinary;

  PageMinMax(PrimitiveType type) {
    this.type = type;
    this.comparator = type.comparator();
  }

  /** Merges the min and max of some doubles (column order: {@code Double.compare}'s, no logical type). */
  void doubles(double min, double max) {
    if (!any) {
      minDouble = min;
      maxDouble = max;
      any = true;
      return;
    }
    if (Double.compare(min, minDouble) < 0) {
      minDouble = min;
    }
    if (Double.compare(max, maxDouble) > 0) {
      maxDouble = max;
    }
  }

  /** Merges the min and max of some 64- or 32-bit integers in signed order (no logical type). */
  void signedLongs(long min, long max) {
    if (!any) {
      minLong = min;
      maxLong = max;
      any = true;
      return;
    }
    minLong = Math.min(minLong, min);
    maxLong = Math.max(maxLong, max);
  }

  /** One INT64 value, under the column's comparator. */
  @SuppressWarnings("unchecked")
  void longValue(long v) {
    PrimitiveComparator<Long> c = (PrimitiveComparator<Long>) comparator;
    if (!any || c.compare(v, minLong) < 0) {
      minLong = v;
    }
    if (!any || c.compare(v, maxLong) > 0) {
      maxLong = v;
    }
    any = true;
  }

  /** One INT32 value, under the column's comparator. */
  @SuppressWarnings("unchecked")
  void intValue(int v) {
    PrimitiveComparator<Integer> c = (PrimitiveComparator<Integer>) comparator;
    if (!any || c.compare(v, (int) minLong) < 0) {
      minLong = v;
    }
    if (!any || c.compare(v, (int) maxLong) > 0) {
      maxLong = v;
    }
    any = true;
  }

  /** One DOUBLE value, under the column's comparator. */
  @SuppressWarnings("unchecked")
  void doubleValue(double v) {
    PrimitiveComparator<Double> c = (PrimitiveComparator<Double>) comparator;
    if (!any || c.compare(v, minDouble) < 0) {
      minDouble = v;
    }
    if (!any || c.compare(v, maxDouble) > 0) {
      maxDouble = v;
    }
    any = true;
  }

  void booleanValue(boolean v) {
    if (v) {
      seenTrue = true;
    } else {
      seenFalse = true;
    }
    any = true;
  }

  /** One BINARY value, under the column's comparator (copied when kept). */
  @SuppressWarnings("unchecked")
  void binaryValue(Binary v) {
    PrimitiveComparator<Binary> c = (PrimitiveComparator<Binary>) comparator;
    if (minBinary == null || c.compare(v, minBinary) < 0) {
      minBinary = v.copy();
    }
    if (maxBinary == null || c.compare(v, maxBinary) > 0) {
      maxBinary = v.copy();
    }
  }

  /** parquet-java's statistics of the page: these min and max (or flags) and {@code nulls} nulls. */
  Statistics<?> statistics(int nulls) {
    Statistics<?> s = Statistics.createStats(type);
    s.incrementNumNulls(nulls);
    switch (type.getPrimitiveTypeName()) {
      case BINARY -> {
        if (minBinary != null) {
          s.updateStats(minBinary);
          s.updateStats(maxBinary);
        }
      }
      case INT32 -> {
        if (any) {
          s.updateStats((int) minLong);
          s.updateStats((int) maxLong);
        }
      }
      case INT64 -> {
        if (any) {
          s.updateStats(minLong);
          s.updateStats(maxLong);
        }
      }
      case DOUBLE -> {
        if (any) {
          s.updateStats(minDouble);
          s.updateStats(maxDouble);
        }
      }
      default -> {
        if (seenFalse) {
          s.updateStats(false);
        }
        if (seenTrue) {
          s.updateStats(true);
        }
      }
    }
    return s;
  }

  /** Forgets every value. */
  void reset() {
    any = false;
    seenFalse = false;
    seenTrue = false;
    minBinary = null;
    maxBinary = null;
  }
}

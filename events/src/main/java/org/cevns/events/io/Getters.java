package org.cevns.events.io;

import java.util.Objects;
import java.util.function.Function;

/**
 * Array-backed getters of {@link BlockColumn} ({@code LongGetter.of}, {@code IntGetter.of}, {@code ofBytes},
 * {@code DoubleGetter.of}) and their adaptation to another block type. A getter that gives its array lets
 * {@link ColumnValues} and {@link PageValues} read a range of rows in one loop over the array: one call per
 * range instead of one call per value through a call site shared by every column of the type (a megamorphic
 * call the JIT cannot inline). The values, and hence the file, are the same.
 */
final class Getters {
  private Getters() {}

  static <B> BlockColumn.LongGetter<B> longs(Function<? super B, long[]> array) {
    Objects.requireNonNull(array, "array");
    return new BlockColumn.LongGetter<>() {
      @Override
      public long get(B block, int row) {
        return array.apply(block)[row];
      }

      @Override
      public long[] array(B block) {
        return array.apply(block);
      }
    };
  }

  static <B> BlockColumn.IntGetter<B> ints(Function<? super B, int[]> array) {
    Objects.requireNonNull(array, "array");
    return new BlockColumn.IntGetter<>() {
      @Override
      public int get(B block, int row) {
        return array.apply(block)[row];
      }

      @Override
      public int[] array(B block) {
        return array.apply(block);
      }
    };
  }

  static <B> BlockColumn.IntGetter<B> bytes(Function<? super B, byte[]> array) {
    Objects.requireNonNull(array, "array");
    return new BlockColumn.IntGetter<>() {
      @Override
      public int get(B block, int row) {
        return array.apply(block)[row];
      }

      @Override
      public byte[] bytes(B block) {
        return array.apply(block);
      }
    };
  }

  static <B> BlockColumn.DoubleGetter<B> doubles(Function<? super B, double[]> array) {
    Objects.requireNonNull(array, "array");
    return new BlockColumn.DoubleGetter<>() {
      @Override
      public double get(B block, int row) {
        return array.apply(block)[row];
      }

      @Override
      public double[] array(B block) {
        return array.apply(block);
      }
    };
  }

  /** {@code g} reading the {@code B} that {@code view} finds in a {@code C}; keeps its array. */
  static <B, C> BlockColumn.LongGetter<C> adapt(BlockColumn.LongGetter<B> g, Function<? super C, ? extends B> view) {
    return new BlockColumn.LongGetter<>() {
      @Override
      public long get(C block, int row) {
        return g.get(view.apply(block), row);
      }

      @Override
      public long[] array(C block) {
        return g.array(view.apply(block));
      }
    };
  }

  /** {@code g} reading the {@code B} that {@code view} finds in a {@code C}; keeps its arrays. */
  static <B, C> BlockColumn.IntGetter<C> adapt(BlockColumn.IntGetter<B> g, Function<? super C, ? extends B> view) {
    return new BlockColumn.IntGetter<>() {
      @Override
      public int get(C block, int row) {
        return g.get(view.apply(block), row);
      }

      @Override
      public int[] array(C block) {
        return g.array(view.apply(block));
      }

      @Override
      public byte[] bytes(C block) {
        return g.bytes(view.apply(block));
      }
    };
  }

  /**
   * Rows are the elements of the array {@code array} gives, each multiplied by {@code scale} (truth weights scaled to
   * the expectation): {@link ColumnValues} reads the array and multiplies in one loop, and sees a range of one
   * repeated element as one value, instead of a call per row.
   */
  static <B> Scaled<B> scaled(Function<? super B, double[]> array, double scale) {
    return new Scaled<>(Objects.requireNonNull(array, "array"), scale);
  }

  /** A double getter giving {@code source[row] * scale}; its {@code array} is null (the array is not the values). */
  static final class Scaled<B> implements BlockColumn.DoubleGetter<B> {
    private final Function<? super B, double[]> source;
    private final double scale;

    private Scaled(Function<? super B, double[]> source, double scale) {
      this.source = source;
      this.scale = scale;
    }

    @Override
    public double get(B block, int row) {
      return source.apply(block)[row] * scale;
    }

    /** The array whose element {@code row} times {@link #scale} is the row's value. */
    double[] source(B block) {
      return source.apply(block);
    }

    double scale() {
      return scale;
    }
  }

  /** {@code g} reading the {@code B} that {@code view} finds in a {@code C}; keeps its array (or scaled array). */
  static <B, C> BlockColumn.DoubleGetter<C> adapt(BlockColumn.DoubleGetter<B> g,
      Function<? super C, ? extends B> view) {
    if (g instanceof Scaled<B> s) {
      return new Scaled<C>(c -> s.source(view.apply(c)), s.scale);
    }
    return new BlockColumn.DoubleGetter<>() {
      @Override
      public double get(C block, int row) {
        return g.get(view.apply(block), row);
      }

      @Override
      public double[] array(C block) {
        return g.array(view.apply(block));
      }
    };
  }
}

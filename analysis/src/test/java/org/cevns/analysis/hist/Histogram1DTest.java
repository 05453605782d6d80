package org.cevns.analysis.hist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Histogram1DTest {
  @Test
  void weightsAndErrors() {
    Histogram1D h = Histogram1D.uniform(4, 0, 4);
    h.fill(0.5, 2);
    h.fill(0.7, 3);
    h.fill(1.0); // lower edge belongs to bin 1
    h.fill(3.999);
    h.fill(4.0); // upper edge is overflow
    h.fill(-0.1, 0.5);
    assertEquals(5, h.content(0), 0);
    assertEquals(4 + 9, h.sumW2(0), 0);
    assertEquals(Math.sqrt(13), h.error(0), 1e-15);
    assertEquals(1, h.content(1), 0);
    assertEquals(1, h.content(3), 0);
    assertEquals(1, h.overflow(), 0);
    assertEquals(0.5, h.underflow(), 0);
    assertEquals(0.25, h.underflowSumW2(), 0);
    assertEquals(7, h.integral(), 0);
    assertEquals(Math.sqrt(13 + 1 + 1), h.integralError(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> h.fill(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> h.fill(1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> h.content(4));
  }

  @Test
  void arithmeticPropagatesErrors() {
    BinEdges e = BinEdges.of(0, 1, 3);
    Histogram1D a = Histogram1D.ofContents(e, new double[] {10, 20}, new double[] {3, 4});
    Histogram1D b = Histogram1D.ofContents(e, new double[] {4, 5}, new double[] {1, 2});
    Histogram1D sum = a.plus(b);
    assertArrayEquals(new double[] {14, 25}, sum.contents(), 0);
    assertArrayEquals(new double[] {Math.sqrt(10), Math.sqrt(20)}, sum.errors(), 1e-15);
    Histogram1D diff = a.minus(b);
    assertArrayEquals(new double[] {6, 15}, diff.contents(), 0);
    assertArrayEquals(new double[] {Math.sqrt(10), Math.sqrt(20)}, diff.errors(), 1e-15);
    Histogram1D scaled = a.scaled(-0.5);
    assertArrayEquals(new double[] {-5, -10}, scaled.contents(), 0);
    assertArrayEquals(new double[] {1.5, 2}, scaled.errors(), 1e-15);
    Histogram1D ps = a.plusScaled(b, 2);
    assertArrayEquals(new double[] {18, 30}, ps.contents(), 0);
    assertArrayEquals(new double[] {Math.sqrt(9 + 4), Math.sqrt(16 + 16)}, ps.errors(), 1e-15);
    // inputs unchanged
    assertArrayEquals(new double[] {10, 20}, a.contents(), 0);
    assertThrows(IllegalArgumentException.class, () -> a.plus(Histogram1D.uniform(2, 0, 3)));
    Histogram1D counts = Histogram1D.ofCounts(e, new double[] {9, 16});
    assertArrayEquals(new double[] {3, 4}, counts.errors(), 0);
  }

  /** Uniform (arithmetic) and variable (binary search) lookup agree, also exactly on every edge. */
  @Test
  void uniformFastPathAgreesWithBinarySearch() {
    BinEdges uniform = BinEdges.uniform(37, 0.3, 11.7);
    BinEdges variable = BinEdges.of(uniform.edges());
    assertTrue(uniform.isUniform());
    for (int i = 0; i <= 37; i++) {
      double x = uniform.edge(i);
      assertEquals(variable.findBin(x), uniform.findBin(x), "edge " + i);
      assertEquals(Math.min(i, 37), uniform.findBin(x));
      assertEquals(variable.findBin(Math.nextDown(x)), uniform.findBin(Math.nextDown(x)));
      assertEquals(i - 1, uniform.findBin(Math.nextDown(x)));
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    for (int k = 0; k < 100_000; k++) {
      double x = -1 + 14 * rng.nextDouble();
      assertEquals(variable.findBin(x), uniform.findBin(x));
    }
    assertEquals(BinEdges.UNDERFLOW, uniform.findBin(0.2));
    assertEquals(37, uniform.findBin(11.7));
  }

  @Test
  void variableEdgesAndValidation() {
    BinEdges e = BinEdges.of(0, 0.1, 1, 10);
    assertEquals(3, e.nBins());
    assertEquals(1, e.findBin(0.1));
    assertEquals(2, e.findBin(9.99));
    assertEquals(0.9, e.width(1), 1e-15);
    assertEquals(5.5, e.center(2), 0);
    assertThrows(IllegalArgumentException.class, () -> BinEdges.of(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> BinEdges.of(0));
    assertThrows(IllegalArgumentException.class, () -> BinEdges.uniform(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> BinEdges.uniform(3, 1, 1));
  }

  @Test
  void csv(@TempDir Path dir) throws Exception {
    Histogram1D h = Histogram1D.ofContents(BinEdges.of(0, 0.5, 2), new double[] {4, 9}, new double[] {2, 3});
    String expected = "bin_low,bin_high,content,error\n0.0,0.5,4.0,2.0\n0.5,2.0,9.0,3.0\n";
    assertEquals(expected, h.toCsv());
    Path f = dir.resolve("h.csv");
    HistogramCsv.write(h, f);
    assertEquals(expected, Files.readString(f));
  }
}

package org.cevns.analysis.hist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Histogram2DTest {
  @Test
  void fillFlattenAndProject() {
    // x = energy, 3 bins; y = time, 2 bins
    Histogram2D h = Histogram2D.of(BinEdges.uniform(3, 0, 3), BinEdges.of(0, 1000, 6000));
    h.fill(0.5, 10, 2);
    h.fill(2.5, 10);
    h.fill(1.5, 5000, 3);
    h.fill(1.5, 5000);
    h.fill(5, 5000); // x overflow
    h.fill(0.5, -1); // y underflow
    assertEquals(2, h.content(0, 0), 0);
    assertEquals(4, h.content(1, 1), 0);
    assertEquals(Math.sqrt(10), h.error(1, 1), 1e-15);
    assertEquals(7, h.integral(), 0);
    assertEquals(2, h.outOfRange(), 0);
    // flat index iy * nx + ix
    assertEquals(4, h.flatIndex(1, 1));
    Histogram1D flat = h.flatten();
    assertEquals(6, flat.nBins());
    assertArrayEquals(new double[] {2, 0, 1, 0, 4, 0}, flat.contents(), 0);
    assertArrayEquals(new double[] {2, 0, 1, 0, Math.sqrt(10), 0}, flat.errors(), 1e-15);
    Histogram1D px = h.projectionX();
    assertArrayEquals(new double[] {2, 4, 1}, px.contents(), 0);
    assertEquals(1, px.overflow(), 0);
    Histogram1D py = h.projectionY();
    assertArrayEquals(new double[] {3, 4}, py.contents(), 0);
    assertEquals(1, py.underflow(), 0);
    assertEquals(Math.sqrt(4 + 1), py.error(0), 1e-15);
    Histogram2D d = h.plusScaled(h.scaled(2), -0.5);
    assertEquals(0, d.content(1, 1), 0);
    assertEquals(Math.sqrt(10 + 0.25 * 4 * 10), d.error(1, 1), 1e-12);
    String csv = HistogramCsv.toCsv(h);
    assertEquals("x_low,x_high,y_low,y_high,content,error", csv.lines().findFirst().orElseThrow());
    assertEquals("1.0,2.0,1000.0,6000.0,4.0," + Math.sqrt(10), csv.lines().skip(5).findFirst().orElseThrow());
  }
}

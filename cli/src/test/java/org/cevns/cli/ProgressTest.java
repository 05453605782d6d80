package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long S = 1_000_000_000L;

  @Test
  void logModePrintsOnePlainLineEveryTenSecondsWithEtaAndRate() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong(0);
    Progress p = new Progress(new PrintWriter(out), "generate", 1000, Progress.Mode.LOG, now::get);
    for (int t = 1; t <= 35; t++) { // 35 s at 20 events/s, called every second
      now.set(t * S);
      p.accept(t * 20L);
    }
    now.set(50 * S);
    p.accept(1000);
    p.finish();
    String log = out.toString();
    String[] lines = log.split("\n");
    assertEquals(4, lines.length, log); // at 10, 20, 30 s and the end
    assertEquals("cevns generate:  20.0% 200/1,000 events, elapsed 10s, ETA 40s, 20.0 ev/s", lines[0]);
    assertEquals("cevns generate:  60.0% 600/1,000 events, elapsed 30s, ETA 20s, 20.0 ev/s", lines[2]);
    // instantaneous rate over the last interval (1000 − 600 events in 20 s), not the mean
    assertEquals("cevns generate: 100.0% 1,000/1,000 events, elapsed 50s, ETA 0s, 20.0 ev/s", lines[3]);
    for (char c : log.toCharArray()) {
      assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f), "control character " + (int) c + " in " + log);
    }
  }

  @Test
  void logModeEndsWithALineForAShortRun() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong(0);
    Progress p = new Progress(new PrintWriter(out), "simulate", 100, Progress.Mode.LOG, now::get);
    now.set(2 * S);
    p.accept(50);
    now.set(3 * S);
    p.finish();
    assertEquals("cevns simulate: 100.0% 100/100 events, elapsed 3s, ETA 0s, 33.3 ev/s\n", out.toString());
  }

  @Test
  void terminalModeRedrawsOneLineInPlace() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong(0);
    Progress p = new Progress(new PrintWriter(out), "generate", 3600, Progress.Mode.TERMINAL, now::get);
    now.set(S);
    p.accept(1);
    now.set(S + S / 10); // too soon: no redraw
    p.accept(2);
    now.set(2 * S);
    p.accept(3);
    p.finish();
    String s = out.toString();
    assertEquals(2, s.chars().filter(c -> c == '\r').count(), s);
    assertTrue(s.contains("[                              ]   0.1% 3/3,600 events, elapsed 2s, ETA 39m58s, 2.00 ev/s"),
        s);
    assertTrue(s.endsWith("\n"));
    assertEquals(1, s.chars().filter(c -> c == '\n').count());
  }

  @Test
  void quietPrintsNothing() {
    StringWriter out = new StringWriter();
    Progress p = Progress.forTerminal(new PrintWriter(out), "generate", 10, true);
    p.accept(10);
    p.finish();
    assertFalse(out.toString().contains("generate"));
    assertEquals("", out.toString());
  }

  @Test
  void durations() {
    assertEquals("0s", Progress.duration(0.2));
    assertEquals("59s", Progress.duration(59.4));
    assertEquals("1m00s", Progress.duration(60));
    assertEquals("2h07m", Progress.duration(7625));
  }
}

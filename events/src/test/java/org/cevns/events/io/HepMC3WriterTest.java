package org.cevns.events.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;
import org.cevns.physics.Process;
import org.junit.jupiter.api.Test;

/**
 * {@link HepMC3Writer}: event numbers within HepMC3's C {@code int} (NuHepMC E.R.2) and the process id of
 * upscattering (NuHepMC E.R.3, G.R.8).
 */
class HepMC3WriterTest {
  private static final List<Process> PROCESSES = List.of(Process.values());

  private static HepMC3Writer.RunInfo run(boolean upscatter) {
    return new HepMC3Writer.RunInfo("test", 1.0e-2, 1.0e23, Double.NaN, Map.of(), upscatter);
  }

  /** One elastic row on Cs-133 (momenta conserved), with the given id and process. */
  private static EventBlock block(long[] ids, Process process) {
    EventBlock b = new EventBlock();
    for (int i = 0; i < ids.length; i++) {
      b.eventId[i] = ids[i];
      b.process[i] = (byte) process.ordinal();
      b.enuMeV[i] = 30.0;
      b.weight[i] = 1.0;
      b.nuPdg[i] = 14;
      b.recoilPdg[i] = 1000551330;
      b.recoilKeV[i] = 10.0;
      b.nuOutPxMeV[i] = 1.0;
      b.nuOutPzMeV[i] = 25.0;
      b.nuOutEMeV[i] = 29.99;
      b.recoilPxMeV[i] = -1.0;
      b.recoilPzMeV[i] = 5.0;
      b.recoilEMeV[i] = 123772.55;
    }
    b.setSize(ids.length);
    return b;
  }

  private static String write(HepMC3Writer.RunInfo run, EventBlock b) throws IOException {
    StringWriter s = new StringWriter();
    try (HepMC3Writer w = new HepMC3Writer(s, run)) {
      w.write(b, PROCESSES);
    }
    return s.toString();
  }

  @Test
  void eventIdsBeyondTheIntRangeAreWrittenModulo2To31WithTheFullIdAsAttribute() throws IOException {
    long big = 2_621_440_000L;
    String out = write(run(false), block(new long[] {big, big + 1}, Process.CEVNS));
    assertTrue(out.contains("\nE 473956352 1 4\nU MEV MM\nW 1.0\nA 0 cevns.event_id 2621440000\nA 0 lab_pos "), out);
    assertTrue(out.contains("\nE 473956353 1 4\n"), out);
    assertTrue(out.contains("\nA 0 cevns.event_id 2621440001\n"), out);
    assertFalse(out.contains("E 2621440000"), out);
  }

  @Test
  void idsWithinTheIntRangeAreUnchangedAndCarryNoAttribute() throws IOException {
    String out = write(run(false), block(new long[] {0, Integer.MAX_VALUE}, Process.CEVNS));
    assertTrue(out.contains("\nE 0 1 4\n"), out);
    assertTrue(out.contains("\nE 2147483647 1 4\n"), out);
    assertFalse(out.contains("cevns.event_id"), out);
  }

  /**
   * A NaN in a truth file rewritten by another tool (pyarrow) was written into the HepMC3
   * record as "nan" (walkfault's report); now the row is refused naming the column, exit 2, no output.
   */
  @Test
  void aNonFiniteValueIsRefusedNamingItsColumn() {
    EventBlock b = block(new long[] {3, 4}, Process.CEVNS);
    b.recoilKeV[1] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(run(false), b));
    assertEquals("event 4: column recoil_kev is NaN or infinite (a file rewritten by another tool?): HepMC3"
        + " needs finite kinematics", e.getMessage());
  }

  @Test
  void idsTooFarApartForUniqueNumbersAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> write(run(false), block(new long[] {5, 5 + (1L << 31)}, Process.CEVNS)));
    assertTrue(e.getMessage().contains("2^31 or more apart"), e.getMessage());
  }

  @Test
  void upscatterHasItsOwnDeclaredProcessId() throws IOException {
    String out = write(run(true), block(new long[] {3}, Process.UPSCATTER));
    assertTrue(out.contains("\nA NuHepMC.ProcessIDs 150 700 -150\n"), out);
    assertTrue(out.contains("\nA NuHepMC.ProcessInfo[-150].Name Upscatter\n"), out);
    assertTrue(out.contains("\nA NuHepMC.ProcessInfo[-150].Description sterile-neutrino upscattering"), out);
    assertTrue(out.contains("\nA 0 signal_process_id -150\n"), out);
    assertFalse(out.contains("signal_process_id 700"), out);
  }

  @Test
  void upscatterNotDeclaredIsRefusedAndOtherRunsKeepTheirHeader() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> write(run(false), block(new long[] {3}, Process.UPSCATTER)));
    assertTrue(e.getMessage().startsWith("event 3 is upscatter"), e.getMessage());
    String out = write(run(false), block(new long[] {3}, Process.EVES));
    assertTrue(out.contains("\nA NuHepMC.ProcessIDs 150 700\n"), out);
    assertFalse(out.contains("-150"), out);
    assertTrue(out.contains("\nA 0 signal_process_id 700\n"), out);
  }
}

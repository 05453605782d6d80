package org.cevns.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.generator.run.RecoilFloors;
import org.junit.jupiter.api.Test;

/**
 * walk33: a new SNS design written without {@code windows.record_start_ns}/{@code record_length_ns} spreads its steady
 * background over the whole 16.7 ms beam period, so nearly all of the template simulation's events fall outside the
 * two 6 µs windows that a beam fit reads; the template step says so and gives the two keys that record the windows
 * alone. coherent-cryocsi with its windows reduced to the two required keys stands for that design.
 */
class RecordSpanNoteTest {
  /** coherent-cryocsi's windows without a recorded span: the default, the whole beam period. */
  private static final String DEFAULT_SPAN = "windows={coincidence_length_ns: 6000, anticoincidence: before}";
  private static final double SNS_PERIOD_NS = 1e9 / 60;

  /** A steady background is uniform over the period: (1 - 2 x 6 µs / period) of it lies outside the windows. */
  @Test
  void outsideWindowsIsTheSteadyBackgroundOutsideTheTwoWindows() {
    SimulationSetup setup = TemplateSizesTestSupport.setup(DEFAULT_SPAN);
    double steady = setup.backgrounds().totalExpected();
    assertEquals(steady * (1 - 12_000 / SNS_PERIOD_NS), setup.backgrounds().expectedOutsideWindows(),
        1e-9 * steady);
    SimulationSetup shipped = TemplateSizesTestSupport.setup();
    assertEquals(shipped.backgrounds().totalExpected() * (1 - 12_000 / 40_000.0),
        shipped.backgrounds().expectedOutsideWindows(), 1e-9 * steady);
  }

  /**
   * The default span gives the note with the windows' span; a configured span none, even where most events are
   * outside the windows (coherent-csi records 40 µs around its 12 µs of windows and its steady background dominates).
   */
  @Test
  void noteNamesTheRecordedSpanOfTheWindows() {
    String note = RecordSpanNote.of(TemplateSizesTestSupport.setup(DEFAULT_SPAN), RecoilFloors.NONE).orElseThrow();
    assertTrue(note.startsWith("96."), note);
    assertTrue(note.contains("windows.record_start_ns: -6000 and windows.record_length_ns: 12000"), note);
    assertTrue(RecordSpanNote.of(TemplateSizesTestSupport.setup(), RecoilFloors.NONE).isEmpty());
    SimulationSetup csi = TemplateRecoilFloorsTest.setup(TemplateRecoilFloorsTest.load("coherent-csi.yaml"));
    assertTrue(csi.backgrounds().expectedOutsideWindows() > 0.5 * TemplateMaker.expectedEvents(csi, RecoilFloors.NONE));
    assertTrue(RecordSpanNote.of(csi, RecoilFloors.NONE).isEmpty());
  }

  /** analyze, run, sensitivity, fit, scan and toys print it after the template simulation's line. */
  @Test
  void prepareLogsTheNote() throws Exception {
    var c = TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml", DEFAULT_SPAN,
        "analysis.fit.template_factor=1");
    List<String> log = new ArrayList<>();
    AnalysisJob.prepare(TemplateRecoilFloorsTest.setup(c), AnalysisConfig.of(c),
        new AnalysisJob.Options(1, 1, Optional.empty(), TemplateMaker.DEFAULT_MAX_EVENTS, log::add));
    int sim = log.indexOf(log.stream().filter(l -> l.startsWith("template simulation:")).findFirst().orElseThrow());
    assertTrue(log.get(sim + 1).contains("outside the beam windows"), log.toString());
  }

  /** Shared with the other template-size tests. */
  static final class TemplateSizesTestSupport {
    private TemplateSizesTestSupport() {}

    static SimulationSetup setup(String... overrides) {
      return TemplateRecoilFloorsTest.setup(TemplateRecoilFloorsTest.load("coherent-cryocsi.yaml", overrides));
    }
  }
}

package org.cevns.detsim.sim;

import org.cevns.detsim.background.BackgroundExposure;
import org.cevns.detsim.background.TimeFrame;
import org.cevns.detsim.setup.BackgroundSpec;
import org.cevns.physics.source.TimeProfile;

/**
 * One background component of one detector in one period: an extra channel of the per-block multinomial.
 *
 * @param detectorIndex detector (index and event code)
 * @param exposureIndex the model's {@code SourceExposure} (detector, source, period) whose live time it uses
 * @param period period name
 * @param periodCode the period's event code
 * @param componentCode code in the component names ({@code signal} = 0)
 * @param spec the configured component
 * @param exposure mass, live time, POT and ON/OFF state of the period
 * @param frame time span of beam-unrelated events
 * @param timeProfile the component's time profile in this frame
 * @param expected expected events
 */
record BackgroundChannel(int detectorIndex, int exposureIndex, String period, int periodCode,
    int componentCode, BackgroundSpec spec, BackgroundExposure exposure, TimeFrame frame, TimeProfile timeProfile,
    double expected) {
  /** Component name. */
  public String name() {
    return spec.name();
  }
}

package org.cevns.generator.model;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.cevns.physics.Process;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.constants.Units;
import org.cevns.physics.nucleus.IsotopeTable;
import org.cevns.physics.nucleus.Target;
import org.cevns.physics.source.SourceComponent;
import org.cevns.schema.ConfigException;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.NucleusRadii;

/**
 * Checks of a configuration that need the physics tables and the built sources, made before any rate is
 * integrated: a value that would silently select nothing (or be ignored) is a one-line {@link ConfigException}
 * naming its key.
 */
final class ModelChecks {
  private ModelChecks() {}

  /**
   * Refuses a {@code threshold_kevnr} at or above the largest CEvNS recoil T_max = 2E²/(M + 2E) that the
   * detector's sources can make (E the largest neutrino energy of any source component reaching it, M the
   * lightest nucleus of its target): such a window holds no CEvNS event. Only when CEvNS is simulated.
   */
  static void recoilWindows(ExperimentConfig config, List<DetectorModel> detectors, List<SourceExposure> exposures) {
    if (!config.physics().processes().contains(Process.CEVNS)) {
      return;
    }
    for (int i = 0; i < detectors.size(); i++) {
      DetectorModel d = detectors.get(i);
      if (!(d.thresholdKeVnr() > 0)) {
        continue;
      }
      double maxRecoilKeV = 0;
      boolean any = false;
      for (SourceExposure e : exposures) {
        if (e.detectorIndex() != i || e.source().isEmpty() || e.exposure() == 0) {
          continue;
        }
        for (SourceComponent c : e.source().get().components()) {
          double energyMeV = c.spectrum().maxEnergyMeV();
          for (Target.Component t : d.target().components()) {
            any = true;
            double massMeV = t.isotope().nuclearMassMeV();
            maxRecoilKeV = Math.max(maxRecoilKeV,
                2 * energyMeV * energyMeV / (massMeV + 2 * energyMeV) * Units.KEV_PER_MEV);
          }
        }
      }
      if (any && !(d.thresholdKeVnr() < maxRecoilKeV)) {
        throw new ConfigException("detectors[" + i + "].threshold_kevnr",
            "must be below the largest CEvNS recoil the detector's sources can make ("
                + ConfigException.renderRounded(maxRecoilKeV) + " keVnr), else the window holds no event",
            ConfigException.render(d.thresholdKeVnr()));
      }
    }
  }

  /**
   * Refuses a {@code physics.nuclei} entry naming a nuclide without data (e.g. Ge75) or one that is in no
   * detector's target (a misspelt mass number would otherwise be ignored), and a radius the configured form factor
   * model cannot have ({@link FormFactorModel#minRmsRadiusFm()}; before: an internal error, exit 1, e.g. for the
   * proton's 0.84 fm with Helm).
   */
  static void nucleiRadii(ExperimentConfig config, List<DetectorModel> detectors) {
    Set<String> inTargets = new TreeSet<>();
    for (DetectorModel d : detectors) {
      for (Target.Component t : d.target().components()) {
        inTargets.add(t.isotope().label());
      }
    }
    for (NucleusRadii r : config.physics().nuclei().values()) {
      String path = "physics.nuclei." + r.key();
      try {
        IsotopeTable.isotope(r.z(), r.a());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(path, e.getMessage());
      }
      if (!inTargets.contains(r.key())) {
        throw new ConfigException(path, "must be a nuclide of a detector's target, one of "
            + String.join(", ", inTargets), ConfigException.quote(r.key()));
      }
      FormFactorModel model = config.physics().formFactor();
      radiusAboveMinimum(path + ".proton_rms_radius_fm", r.protonRmsRadiusFm(), model);
      radiusAboveMinimum(path + ".neutron_rms_radius_fm", r.neutronRmsRadiusFm(), model);
    }
  }

  private static void radiusAboveMinimum(String path, OptionalDouble radiusFm, FormFactorModel model) {
    double min = model.minRmsRadiusFm();
    if (radiusFm.isPresent() && !(radiusFm.getAsDouble() > min)) {
      throw new ConfigException(path, "must exceed " + ConfigException.renderRounded(min) + " fm, the smallest rms"
          + " radius of the " + model.configName() + " form factor (its fixed surface term alone; physics.form_factor:"
          + " unity has no radius)", ConfigException.render(radiusFm.getAsDouble()));
    }
  }
}

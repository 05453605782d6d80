package org.cevns.analysis.pipeline;

import static org.cevns.analysis.hist.BinSums.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisMode;
import org.cevns.analysis.config.Constraint;
import org.cevns.analysis.config.FitObservable;
import org.cevns.analysis.config.FitSettings;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumKey.Region;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.NormParameter;
import org.cevns.analysis.fit.Observations;
import org.cevns.analysis.fit.Sample;

/**
 * Builds the binned likelihood model from templates: one channel per (detector, fit region), e.g.
 * {@code csi.coincidence} and {@code csi.anticoincidence}, or {@code C2.on} and {@code C2.off}. Each channel
 * holds the signal template (scaled by μ, and by the signal normalisation {@value #SIGNAL_NORM} when
 * {@code signal_width} &gt; 0) and one template per background component, scaled by its normalisation
 * {@code DETECTOR.COMPONENT} (one per detector and component, shared by the detector's regions, so the
 * control region measures the background the signal region sees) with the configured prior. The bins are the
 * in-range energy bins, or the energy × time cells flattened time-major ({@code Histogram2D.flatten}).
 * Templates with no expected event in range are left out, as are channels without any.
 */
public final class FitModelBuilder {
  /** Name of the signal normalisation nuisance (e.g. neutrino flux). */
  public static final String SIGNAL_NORM = "signal_norm";

  private FitModelBuilder() {}

  /**
   * One channel of the model.
   *
   * @param name channel name {@code DETECTOR.REGION}
   * @param detector detector name
   * @param region period and window
   */
  public record ChannelInfo(String name, String detector, Region region) {}

  /**
   * The model and where its pieces come from.
   *
   * @param model the binned model
   * @param channels channel descriptions, in model order
   * @param backgroundNorms for each background norm name, the component it scales
   */
  public record Built(BinnedModel model, List<ChannelInfo> channels, Map<String, String> backgroundNorms) {
    /** Observed counts per channel from {@code data} (region sums over components), nominal global observables. */
    public Observations observations(SpectrumSet data, FitObservable observable) {
      List<double[]> counts = new ArrayList<>();
      for (int c = 0; c < channels.size(); c++) {
        ChannelInfo ch = channels.get(c);
        int n = model.channelOffset(c + 1) - model.channelOffset(c);
        Optional<KeySpectra> s = data.region(ch.detector(), ch.region());
        counts.add(s.isPresent() ? bins(s.get(), observable) : new double[n]);
      }
      return Observations.ofChannels(model, counts);
    }

    /** Index of the channel of {@code detector} and {@code region}, or −1. */
    public int channelIndex(String detector, Region region) {
      for (int c = 0; c < channels.size(); c++) {
        if (channels.get(c).detector().equals(detector) && channels.get(c).region().equals(region)) {
          return c;
        }
      }
      return -1;
    }
  }

  /**
   * Builds the model.
   *
   * @param mode analysis mode (chooses the fit regions)
   * @param fit fit settings (observable, priors)
   * @param templates expected counts at μ = 1 for the data's exposure, by key
   * @param data the data (only used to find the regions of {@link AnalysisMode#SINGLE})
   * @throws IllegalArgumentException if no channel has a signal template
   */
  public static Built build(AnalysisMode mode, FitSettings fit, SpectrumSet templates, SpectrumSet data) {
    return build(mode, fit, templates, data, TemplateSystematics.none(), List.of());
  }

  /**
   * Builds the model with systematic uncertainties and physics parameters (see {@link SystematicModifiers}).
   *
   * @param systematics the configured systematics and their varied templates (same exposure as {@code templates})
   * @param physics names of the physics parameters to make floating (reweighted signal); empty for none
   * @throws IllegalArgumentException if no channel has a signal template, or a physics parameter is unknown or
   *     cannot be reweighted
   */
  public static Built build(AnalysisMode mode, FitSettings fit, SpectrumSet templates, SpectrumSet data,
      TemplateSystematics systematics, List<String> physics) {
    java.util.Set<SpectrumKey> fileKeys = new java.util.HashSet<>();
    fit.templateFiles().forEach(t -> fileKeys.add(FileTemplates.key(t)));
    SystematicModifiers mods = SystematicModifiers.of(systematics, templates, fit.observable(), physics, fileKeys);
    List<Region> regions = Regions.fitRegions(mode, templates, data);
    if (!fit.controlRegion()) {
      regions = List.of(Regions.signalRegion(mode, regions));
    }
    List<Channel> channels = new ArrayList<>();
    List<ChannelInfo> infos = new ArrayList<>();
    Map<String, NormParameter> norms = new LinkedHashMap<>();
    Map<String, String> backgroundNorms = new LinkedHashMap<>();
    boolean signalNorm = fit.signalWidth() > 0;
    for (String det : templates.detectors()) {
      for (Region r : regions) {
        List<Sample> samples = new ArrayList<>();
        for (SpectrumKey k : templates.keys()) {
          if (!k.detector().equals(det) || !k.region().equals(r)) {
            continue;
          }
          KeySpectra ks = templates.get(k).orElseThrow();
          double[] t = bins(ks, fit.observable());
          if (!(sum(t) > 0)) {
            continue;
          }
          mods.errors(k, ks);
          mods.energyBins(det, ks.energy().nBins());
          if (k.isSignal()) {
            samples.add(mods.decorate(k, signalNorm ? Sample.signal(EventColumns.SIGNAL, t, SIGNAL_NORM)
                : Sample.signal(EventColumns.SIGNAL, t)));
            continue;
          }
          Constraint c = fit.constraint(k.component());
          if (c.kind() == Constraint.Kind.FIXED) {
            samples.add(mods.decorate(k, Sample.background(k.component(), t)));
            continue;
          }
          String norm = det + "." + k.component();
          norms.putIfAbsent(norm, c.kind() == Constraint.Kind.FREE ? NormParameter.free(norm)
              : NormParameter.constrained(norm, c.relativeWidth()));
          backgroundNorms.putIfAbsent(norm, k.component());
          samples.add(mods.decorate(k, Sample.background(k.component(), t, norm)));
        }
        if (!samples.isEmpty()) {
          String name = det + "." + r.label();
          channels.add(Channel.of(name, samples));
          infos.add(new ChannelInfo(name, det, r));
        }
      }
    }
    if (channels.stream().noneMatch(c -> c.samples().stream().anyMatch(Sample::isSignal))) {
      throw new IllegalArgumentException("no signal template has expected events inside the fit range: widen the"
          + " energy binning (analysis.energy) or check the detector response");
    }
    List<NormParameter> params = new ArrayList<>();
    if (signalNorm) {
      params.add(NormParameter.constrained(SIGNAL_NORM, fit.signalWidth()));
    }
    params.addAll(norms.values());
    return new Built(BinnedModel.of(channels, params, mods.physicsParameters()), infos, backgroundNorms);
  }

  /** The fit bins of one key's spectra: energy contents, or the flattened energy × time cells. */
  static double[] bins(KeySpectra s, FitObservable observable) {
    if (observable == FitObservable.ENERGY_TIME) {
      return s.energyTime().orElseThrow(() -> new IllegalStateException(
          "energy x time histogram missing (time axis of the fit not set)")).flatten().contents();
    }
    return s.energy().contents();
  }

  /** The statistical errors √Σw² of the fit bins of one key's spectra. */
  static double[] binErrors(KeySpectra s, FitObservable observable) {
    if (observable == FitObservable.ENERGY_TIME) {
      return s.energyTime().orElseThrow().flatten().errors();
    }
    return s.energy().errors();
  }
}

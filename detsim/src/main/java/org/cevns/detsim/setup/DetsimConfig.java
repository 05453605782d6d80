package org.cevns.detsim.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cevns.detsim.detector.DetectorResponse;
import org.cevns.schema.BackgroundKeys;
import org.cevns.schema.ConfigException;
import org.cevns.schema.DetectorConfig;
import org.cevns.schema.ExperimentConfig;
import org.cevns.schema.FormulaTarget;
import org.cevns.schema.ResponseKeys;
import org.cevns.schema.TargetConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.SourceExposure;
import org.cevns.physics.source.PionDarParameters;
import org.cevns.physics.source.PionDarSource;

/**
 * The detsim sections of a configuration ({@code detectors[i].response}, {@code detectors[i].backgrounds},
 * {@code windows}), validated and built into model objects. Validation needs the physics model (targets,
 * pulsed sources' beam parameters); every error is a {@link ConfigException} with the key path. Immutable.
 */
public final class DetsimConfig {
  private final List<SourceInfo> sources;
  private final List<Optional<DetectorResponse>> responses;
  private final List<List<BackgroundSpec>> backgrounds;
  private final Optional<WindowsConfig> windows;

  private DetsimConfig(List<SourceInfo> sources, List<Optional<DetectorResponse>> responses,
      List<List<BackgroundSpec>> backgrounds, Optional<WindowsConfig> windows) {
    this.sources = List.copyOf(sources);
    this.responses = List.copyOf(responses);
    this.backgrounds = List.copyOf(backgrounds);
    this.windows = windows;
  }

  /**
   * Parses and validates the detsim sections of {@code model}'s configuration, in file order (detectors, then
   * windows). Backgrounds need a response section in the same detector.
   *
   * @throws ConfigException on the first problem found
   */
  public static DetsimConfig of(ExperimentModel model) {
    ExperimentConfig c = model.config();
    List<SourceInfo> sources = sources(model);
    List<Optional<DetectorResponse>> responses = new ArrayList<>();
    List<List<BackgroundSpec>> backgrounds = new ArrayList<>();
    for (int i = 0; i < c.detectors().size(); i++) {
      DetectorConfig d = c.detectors().get(i);
      var target = model.detectors().get(i).target();
      Optional<DetectorResponse> r = d.response().map(s -> ResponseBuilder.build(
          ResponseKeys.of(s.node(), s.keyPath()), s.keyPath(), target, c.baseDir()));
      List<BackgroundSpec> b = d.backgrounds().map(s -> BackgroundBuilder.build(BackgroundKeys.of(s.reader()),
          s.keyPath(), sources, c.baseDir())).orElse(List.of());
      if (r.isEmpty() && d.backgrounds().isPresent()) {
        throw new ConfigException("detectors[" + i + "].response",
            "required key is missing (backgrounds need a detector response)");
      }
      responses.add(shared(c, i, r, responses));
      backgrounds.add(b);
    }
    Optional<WindowsConfig> windows = WindowsConfig.parse(c.windows(), sources);
    if (windows.isEmpty()) {
      for (int i = 0; i < responses.size(); i++) {
        if (responses.get(i).flatMap(DetectorResponse::timeEfficiency).isPresent()) {
          // it weighs events by their time since a beam window's start: without windows it would do nothing
          throw new ConfigException(c.detectors().get(i).response().get().keyPath() + ".time_efficiency",
              "needs beam windows (a windows: section): it applies to the time since a window's start, and without"
                  + " windows no event is in one");
        }
      }
    }
    return new DetsimConfig(sources, responses, backgrounds, windows);
  }

  /**
   * The response of an earlier detector configured with the same target and the same response section (as the
   * detectors of conus share theirs through a YAML anchor) instead of {@code built}, the response of detector
   * {@code i} built from its own section: the same model object then, so that {@code cevns rates}
   * ({@link org.cevns.detsim.sim.ExpectedDetected}) computes one detection curve for both. The section is compared
   * as a tree and in its key order; every detector's section is still built and validated.
   */
  private static Optional<DetectorResponse> shared(ExperimentConfig c, int i, Optional<DetectorResponse> built,
      List<Optional<DetectorResponse>> earlier) {
    DetectorConfig d = c.detectors().get(i);
    if (built.isEmpty()) {
      return built;
    }
    var node = d.response().get().node();
    for (int j = 0; j < i; j++) {
      DetectorConfig o = c.detectors().get(j);
      if (earlier.get(j).isPresent() && sameFormula(o.target(), d.target()) && o.response().isPresent()
          && o.response().get().node().equals(node) && sameKeyOrder(o.response().get().node(), node)) {
        return earlier.get(j);
      }
    }
    return built;
  }

  /**
   * The maps of two equal trees list their keys in the same order, at every depth. Not by comparing their texts:
   * {@code JsonNode.toString} sets up Jackson's serialization in a fresh JVM (~10 ms of CPU).
   */
  private static boolean sameKeyOrder(com.fasterxml.jackson.databind.JsonNode a,
      com.fasterxml.jackson.databind.JsonNode b) {
    if (a.isObject()) {
      var ia = a.fieldNames();
      var ib = b.fieldNames();
      while (ia.hasNext() && ib.hasNext()) {
        String ka = ia.next();
        if (!ka.equals(ib.next()) || !sameKeyOrder(a.get(ka), b.get(ka))) {
          return false;
        }
      }
      return !ia.hasNext() && !ib.hasNext();
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameKeyOrder(a.get(i), b.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Both targets given by the same chemical formula (targets given by isotopes are not compared). Not the records'
   * {@code equals}: its first use in a JVM bootstraps {@code java.lang.runtime.ObjectMethods} (~10–20 ms of CPU).
   */
  private static boolean sameFormula(TargetConfig a, TargetConfig b) {
    return a instanceof FormulaTarget fa && b instanceof FormulaTarget fb && fa.formula().equals(fb.formula());
  }

  private static List<SourceInfo> sources(ExperimentModel model) {
    List<SourceInfo> out = new ArrayList<>();
    var cs = model.config().sources();
    for (int j = 0; j < cs.size(); j++) {
      Optional<PionDarParameters> p = Optional.empty();
      for (SourceExposure e : model.exposures()) {
        if (e.sourceIndex() == j && e.source().isPresent() && e.source().get() instanceof PionDarSource pd) {
          p = Optional.of(pd.parameters());
          break;
        }
      }
      out.add(new SourceInfo(j, cs.get(j).name(), cs.get(j).type(), p));
    }
    return out;
  }

  /**
   * Fails unless every detector has a response section ({@code cevns detsim} and {@code simulate} need one):
   * {@code detectors[1].response: required key is missing (WHY)}.
   */
  public DetsimConfig requireResponses(String why) {
    for (int i = 0; i < responses.size(); i++) {
      if (responses.get(i).isEmpty()) {
        throw new ConfigException("detectors[" + i + "].response", "required key is missing (" + why + ")");
      }
    }
    return this;
  }

  /**
   * The same configuration with the response of detector {@code index} replaced (systematic variations of the
   * analysis re-fold the same events through a shifted response).
   */
  public DetsimConfig withResponse(int index, DetectorResponse response) {
    java.util.Objects.requireNonNull(response, "response");
    List<Optional<DetectorResponse>> r = new ArrayList<>(responses);
    r.set(index, Optional.of(response));
    return new DetsimConfig(sources, r, backgrounds, windows);
  }

  /** The same configuration without backgrounds (for {@code detsim --no-backgrounds}). */
  public DetsimConfig withoutBackgrounds() {
    List<List<BackgroundSpec>> none = new ArrayList<>();
    for (int i = 0; i < backgrounds.size(); i++) {
      none.add(List.of());
    }
    return new DetsimConfig(sources, responses, none, windows);
  }

  /** The configuration's sources. */
  public List<SourceInfo> sources() {
    return sources;
  }

  /** Response of each detector (configuration order), if configured. */
  public List<Optional<DetectorResponse>> responses() {
    return responses;
  }

  /** The response of detector {@code index}; fails if it has none. */
  public DetectorResponse response(int index) {
    return responses.get(index).orElseThrow(() -> new IllegalStateException("detector " + index
        + " has no response (call requireResponses first)"));
  }

  /** Backgrounds of each detector (configuration order; empty lists for none). */
  public List<List<BackgroundSpec>> backgrounds() {
    return backgrounds;
  }

  /** The beam windows, if configured. */
  public Optional<WindowsConfig> windows() {
    return windows;
  }

  /** True when at least one detector has a response section. */
  public boolean hasResponses() {
    return responses.stream().anyMatch(Optional::isPresent);
  }
}

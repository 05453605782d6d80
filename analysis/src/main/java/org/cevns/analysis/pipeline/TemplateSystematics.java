package org.cevns.analysis.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cevns.analysis.config.Systematics;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.reweight.CrossSectionFamily;
import org.cevns.analysis.reweight.SignalEvents;

/**
 * What the fit model needs beyond the nominal templates to carry the systematic uncertainties and physics
 * parameters: the configured systematics, the templates re-folded through the shifted responses (at +1σ and
 * −1σ, by nuisance parameter name, same exposure as the nominal templates), the detected signal events of the
 * template simulation with the cross-section family for reweighting, and which source each period belongs to
 * (for per-source flux uncertainties).
 *
 * @param config the systematics section
 * @param up templates at +1σ, by parameter name
 * @param down templates at −1σ, by parameter name
 * @param events the template simulation's detected CEvNS events (absent for file templates)
 * @param family the cross-section family of the reweighting
 * @param periodSource source name of each period
 */
public record TemplateSystematics(Systematics config, Map<String, SpectrumSet> up, Map<String, SpectrumSet> down,
    Optional<SignalEvents> events, Optional<CrossSectionFamily> family, Map<String, String> periodSource) {
  public TemplateSystematics {
    if (config == null || up == null || down == null || events == null || family == null || periodSource == null) {
      throw new IllegalArgumentException("every part must be given (none null)");
    }
    up = Map.copyOf(up);
    down = Map.copyOf(down);
    periodSource = Map.copyOf(periodSource);
  }

  /** Nothing: the likelihood of templates × norms only (cevns before issue 8). */
  public static TemplateSystematics none() {
    return new TemplateSystematics(Systematics.none(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
        Map.of());
  }

  /** Only the configured section (normalisation systematics, tilts, template statistics; no re-folding). */
  public static TemplateSystematics of(Systematics config) {
    return new TemplateSystematics(config, Map.of(), Map.of(), Optional.empty(), Optional.empty(), Map.of());
  }

  /** The varied templates transformed by {@code f} (e.g. scaled to the data's exposure). */
  public TemplateSystematics mapTemplates(UnaryOperator<SpectrumSet> f) {
    Map<String, SpectrumSet> u = new LinkedHashMap<>();
    Map<String, SpectrumSet> d = new LinkedHashMap<>();
    up.forEach((k, v) -> u.put(k, f.apply(v)));
    down.forEach((k, v) -> d.put(k, f.apply(v)));
    return new TemplateSystematics(config, u, d, events, family, periodSource);
  }

  /** These systematics with the configured section {@code c} (the same templates, events, family and sources). */
  public TemplateSystematics withConfig(Systematics c) {
    return new TemplateSystematics(c, up, down, events, family, periodSource);
  }

  /** These systematics with the reweighting family mapped by {@code f} (none stays none). */
  public TemplateSystematics withFamily(UnaryOperator<CrossSectionFamily> f) {
    return new TemplateSystematics(config, up, down, events, family.map(f), periodSource);
  }

  /** The physics parameters the reweighting can vary (empty without events). */
  public List<String> physicsParameters() {
    return family.isPresent() && events.isPresent()
        ? family.get().parameters().stream().map(p -> p.name()).toList() : List.of();
  }
}

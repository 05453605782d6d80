package org.cevns.analysis.config;

/**
 * Where the expected counts of the fit templates come from, {@code analysis.fit.template_normalisation}:
 * {@code simulation} (the high-statistics simulation's weights, scaled to the exposure) or {@code model} (each
 * template's shape from the simulation, its total set to the expected detected count computed by numerical
 * integration of the model, which removes the templates' statistical normalisation error).
 */
public enum TemplateNormalisation {
  /** Totals from the simulation. */
  SIMULATION,
  /** Totals from the model's expected detected counts. */
  MODEL
}

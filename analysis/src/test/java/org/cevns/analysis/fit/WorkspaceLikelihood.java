package org.cevns.analysis.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The likelihood of a pyhf JSON workspace read as pyhf reads it (HistFactory, pyhf's default interpolation codes:
 * normsys code 4, histosys code 4p), from the JSON alone — not from a {@link BinnedModel} — to check an export
 * against the model it came from. Per channel and bin: ν = Σ_samples (nominal + Σ histosys Δ(α)) × Π normsys f(α) ×
 * Π normfactor; a channel with {@code staterror} modifiers multiplies ν by γ_i, Gaussian of relative width
 * δ_i = √(Σ err²)/Σ nominal (pyhf), γ profiled per bin numerically (golden section); each normsys/histosys
 * parameter NAME has one unit-Gaussian constraint (α − auxdata)², however many channels and samples carry it (pyhf
 * shares a parameter by name). The deviance is measured from the saturated model, as {@link PoissonLikelihood}'s:
 * 2 Σ [ν − n + n ln(n/ν)] + Σ constraints; pyhf's −2 ln L differs by a parameter-independent constant.
 *
 * <p>{@link Rule#CEVNS} reads the constrained normalisations (the histosys modifiers listed with {@code bounds} in
 * the measurement) as cevns does, θ = 1 + σα multiplying the sample with its other histosys terms, and clips a
 * sample's content at 0 (docs/physics.md): the two documented differences of the export.
 */
public final class WorkspaceLikelihood {
  /** How constrained normalisations and negative contents are read. */
  public enum Rule { PYHF, CEVNS }

  private final JsonNode ws;
  private final Rule rule;
  private final Map<String, Double> aux = new HashMap<>();
  private final Set<String> boundedHistosys = new LinkedHashSet<>();
  private final Set<String> constrained = new LinkedHashSet<>();
  private final Set<String> normfactors = new LinkedHashSet<>();

  public WorkspaceLikelihood(JsonNode ws, Rule rule) {
    this.ws = ws;
    this.rule = rule;
    for (JsonNode p : ws.at("/measurements/0/config/parameters")) {
      if (p.has("auxdata")) {
        aux.put(p.get("name").asText(), p.get("auxdata").get(0).asDouble());
      }
      if (p.has("bounds")) {
        boundedHistosys.add(p.get("name").asText());
      }
    }
    for (JsonNode ch : ws.get("channels")) {
      for (JsonNode s : ch.get("samples")) {
        for (JsonNode m : s.get("modifiers")) {
          String type = m.get("type").asText();
          String name = m.get("name").asText();
          if (type.equals("normsys") || type.equals("histosys")) {
            constrained.add(name);
          } else if (type.equals("normfactor")) {
            normfactors.add(name);
          }
        }
      }
    }
    for (String n : normfactors) {
      if (constrained.contains(n)) {
        throw new IllegalArgumentException(n + " is both a normfactor and a constrained modifier");
      }
    }
    boundedHistosys.retainAll(constrained);
  }

  /** pyhf's workspace schema 1.0.0 (vendored in src/test/resources/pyhf-schemas with its source). */
  public static JsonSchema schema() {
    JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6, b -> b.schemaMappers(
        m -> m.mapPrefix("https://scikit-hep.org/pyhf/schemas/1.0.0/", "classpath:pyhf-schemas/1.0.0/")));
    return f.getSchema(SchemaLocation.of("https://scikit-hep.org/pyhf/schemas/1.0.0/workspace.json"));
  }

  /** The constrained parameters (normsys, histosys), one each, in order of first appearance. */
  public List<String> constrainedParameters() {
    return new ArrayList<>(constrained);
  }

  /** The normfactor parameters (μ, free norms). */
  public List<String> normfactors() {
    return new ArrayList<>(normfactors);
  }

  /** The deviance at {@code values} (by parameter name; an absent α is 0, an absent normfactor 1). */
  public double deviance(Map<String, Double> values) {
    Map<String, JsonNode> observed = new LinkedHashMap<>();
    ws.get("observations").forEach(o -> observed.put(o.get("name").asText(), o.get("data")));
    double d = 0;
    for (JsonNode ch : ws.get("channels")) {
      JsonNode obs = observed.get(ch.get("name").asText());
      int nb = obs.size();
      double[] nu = new double[nb];
      double[] nominal = new double[nb];
      double[] err2 = new double[nb];
      boolean stat = false;
      for (JsonNode s : ch.get("samples")) {
        double[] c = new double[nb];
        double factor = 1;
        for (int i = 0; i < nb; i++) {
          c[i] = s.get("data").get(i).asDouble();
          nominal[i] += c[i];
        }
        double[] t = c.clone();
        for (JsonNode m : s.get("modifiers")) {
          String name = m.get("name").asText();
          switch (m.get("type").asText()) {
            case "normfactor" -> factor *= values.getOrDefault(name, 1.0);
            case "normsys" -> {
              double hi = m.at("/data/hi").asDouble();
              double lo = m.at("/data/lo").asDouble();
              factor *= Interpolation.code4(values.getOrDefault(name, 0.0), Math.log(hi), Math.log(lo),
                  Interpolation.code4Coefficients(hi, lo));
            }
            case "histosys" -> {
              double a = values.getOrDefault(name, 0.0);
              if (rule == Rule.CEVNS && boundedHistosys.contains(name)) {
                double sigma = relativeWidth(m, t);
                factor *= 1 + sigma * a;
              } else {
                for (int i = 0; i < nb; i++) {
                  c[i] += Interpolation.code4p(a, m.at("/data/hi_data").get(i).asDouble() - t[i],
                      t[i] - m.at("/data/lo_data").get(i).asDouble());
                }
              }
            }
            case "staterror" -> {
              stat = true;
              for (int i = 0; i < nb; i++) {
                double e = m.get("data").get(i).asDouble();
                err2[i] += e * e;
              }
            }
            default -> throw new IllegalArgumentException("modifier type " + m.get("type"));
          }
        }
        for (int i = 0; i < nb; i++) {
          nu[i] += (rule == Rule.CEVNS ? Math.max(c[i], 0) : c[i]) * factor;
        }
      }
      for (int i = 0; i < nb; i++) {
        double n = obs.get(i).asDouble();
        double delta = stat && nominal[i] > 0 ? Math.sqrt(err2[i]) / nominal[i] : 0;
        d += delta > 0 ? profiledBin(nu[i], n, delta) : bin(nu[i], n);
      }
    }
    for (String a : constrained) {
      double r = values.getOrDefault(a, 0.0) - aux.getOrDefault(a, 0.0);
      d += r * r;
    }
    return d;
  }

  /**
   * The workspace's parameter values of the model's parameter vector {@code p}: μ, free norms and α as they are, a
   * constrained norm θ as α = (θ − 1)/σ; fixed norms and physics parameters (not in a workspace) left out.
   */
  public static Map<String, Double> valuesOf(BinnedModel model, double[] p) {
    Map<String, Double> v = new LinkedHashMap<>();
    List<String> names = model.parameterNames();
    for (int k = 0; k < model.physicsOffset(); k++) {
      if (k >= 1 && k < model.alphaOffset()) {
        NormParameter n = model.norms().get(k - 1);
        if (n.kind() == NormParameter.Kind.CONSTRAINED) {
          v.put(n.name(), (p[k] - 1) / n.relativeWidth());
        } else if (n.kind() == NormParameter.Kind.FREE) {
          v.put(n.name(), p[k]);
        }
      } else {
        v.put(names.get(k), p[k]);
      }
    }
    return v;
  }

  /** The model's own deviance ({@link PoissonLikelihood}) at {@code p}, for tests outside this package. */
  public static double modelDeviance(BinnedModel model, Observations data, double[] p) {
    return PoissonLikelihood.of(model, data).deviance(p);
  }

  /** σ of a constrained norm's histosys, hi = (1 + σ)·nominal, from its largest bin. */
  private static double relativeWidth(JsonNode m, double[] t) {
    int at = 0;
    for (int i = 1; i < t.length; i++) {
      at = t[i] > t[at] ? i : at;
    }
    return m.at("/data/hi_data").get(at).asDouble() / t[at] - 1;
  }

  private static double bin(double nu, double n) {
    return n > 0 ? 2 * (nu - n + n * Math.log(n / nu)) : 2 * nu;
  }

  /** min over γ &gt; 0 of the bin's deviance with γν and ((γ − 1)/δ)², by golden section (convex in γ). */
  private static double profiledBin(double nu, double n, double delta) {
    double a = 1e-9;
    double b = 1 + 20 * delta + 10;
    double g = (Math.sqrt(5) - 1) / 2;
    double x1 = b - g * (b - a);
    double x2 = a + g * (b - a);
    double f1 = gammaBin(x1, nu, n, delta);
    double f2 = gammaBin(x2, nu, n, delta);
    for (int k = 0; k < 200 && b - a > 1e-13; k++) {
      if (f1 < f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - g * (b - a);
        f1 = gammaBin(x1, nu, n, delta);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (b - a);
        f2 = gammaBin(x2, nu, n, delta);
      }
    }
    return Math.min(f1, f2);
  }

  private static double gammaBin(double gamma, double nu, double n, double delta) {
    double r = (gamma - 1) / delta;
    return bin(gamma * nu, n) + r * r;
  }
}

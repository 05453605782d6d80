package org.cevns.generator.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.cevns.generator.model.RatesJson;

/**
 * The JSON values of {@link RunMetadata} ({@code cevns.expected_events}: the rate report, pretty-printed;
 * {@code cevns.exposure}: per detector, mass and exposures, compact) written field by field with jackson-core's
 * streaming generator: the same text as {@code ObjectMapper.writeValueAsString} of the annotated {@link RatesJson}
 * records (the same generator, printer, number and string writing; RunMetadataTest compares them), without the
 * mapper. In a {@code generate} run the mapper was the only one made: its set-up and serializer introspection
 * (annotations, reflection, its default date format's calendar and locale data; ~350 classes) ran on the main thread
 * beside the tables (docs/performance-history.md, "genfixed (thirty-first session)").
 */
final class MetadataJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private MetadataJson() {}

  /** A writer of one JSON text; pretty-printed as the mapper's {@code INDENT_OUTPUT} prints. */
  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String text(boolean indent, Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (indent) {
        g.setPrettyPrinter(new DefaultPrettyPrinter());
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** {@code RateReport.toJsonText}'s text of {@code report} (a report without new physics or detected events). */
  static String report(RatesJson report) {
    return text(true, g -> {
      g.writeStartObject();
      if (report.experiment() != null) {
        g.writeStringField("experiment", report.experiment());
      }
      if (report.detectors() != null) {
        g.writeFieldName("detectors");
        g.writeStartArray();
        for (RatesJson.Detector d : report.detectors()) {
          detector(g, d);
        }
        g.writeEndArray();
      }
      if (report.newPhysics() != null) {
        g.writeFieldName("new_physics");
        doubles(g, report.newPhysics());
      }
      g.writeEndObject();
    });
  }

  private static void detector(JsonGenerator g, RatesJson.Detector d) throws IOException {
    if (d.standardModel() != null || d.detected() != null) {
      throw new IllegalArgumentException("a run's metadata has no Standard-Model twin or detected events");
    }
    g.writeStartObject();
    if (d.name() != null) {
      g.writeStringField("name", d.name());
    }
    g.writeNumberField("mass_kg", d.massKg());
    g.writeNumberField("threshold_kevnr", d.thresholdKeVnr());
    g.writeFieldName("roi_max_kevnr");
    if (d.roiMaxKeVnr() == null) {
      g.writeNull();
    } else {
      g.writeNumber(d.roiMaxKeVnr());
    }
    doublesField(g, "expected_events", d.expectedEvents());
    doublesField(g, "expected_events_all_recoils", d.expectedEventsAllRecoils());
    doublesField(g, "flux_averaged_xs_cm2", d.fluxAveragedXsCm2());
    if (d.rows() != null) {
      g.writeFieldName("by_process_flavor_isotope");
      g.writeStartArray();
      for (RatesJson.Row r : d.rows()) {
        g.writeStartObject();
        stringField(g, "process", r.process());
        stringField(g, "flavor", r.flavor());
        stringField(g, "isotope", r.isotope());
        g.writeNumberField("expected_events", r.expectedEvents());
        g.writeNumberField("expected_events_all_recoils", r.expectedEventsAllRecoils());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    exposuresField(g, d.exposures());
    g.writeEndObject();
  }

  /** The text of {@code RunMetadata}'s {@code cevns.exposure}: per detector its name, mass and exposures. */
  static String exposures(List<RatesJson.Detector> detectors) {
    return text(false, g -> {
      g.writeStartArray();
      for (RatesJson.Detector d : detectors) {
        g.writeStartObject();
        stringField(g, "detector", d.name()); // a record without NON_NULL: a null name is written
        g.writeNumberField("mass_kg", d.massKg());
        g.writeFieldName("exposures");
        if (d.exposures() == null) {
          g.writeNull();
        } else {
          exposureList(g, d.exposures());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static void exposuresField(JsonGenerator g, List<RatesJson.Exposure> exposures) throws IOException {
    if (exposures != null) {
      g.writeFieldName("exposures");
      exposureList(g, exposures);
    }
  }

  private static void exposureList(JsonGenerator g, List<RatesJson.Exposure> exposures) throws IOException {
    g.writeStartArray();
    for (RatesJson.Exposure e : exposures) {
      g.writeStartObject();
      if (e.source() != null) {
        g.writeStringField("source", e.source());
      }
      if (e.period() != null) {
        g.writeStringField("period", e.period());
      }
      g.writeNumberField("exposure", e.exposure());
      if (e.exposureUnit() != null) {
        g.writeStringField("exposure_unit", e.exposureUnit());
      }
      g.writeNumberField("live_seconds", e.liveSeconds());
      if (e.distanceM() != null) {
        g.writeNumberField("distance_m", e.distanceM());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** A string property of a record without NON_NULL (null written as null). */
  private static void stringField(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void doublesField(JsonGenerator g, String name, Map<String, Double> values) throws IOException {
    if (values != null) {
      g.writeFieldName(name);
      doubles(g, values);
    }
  }

  /** A map in its iteration order; null values written as null, as the mapper writes them. */
  private static void doubles(JsonGenerator g, Map<String, Double> values) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      if (e.getValue() == null) {
        g.writeNull();
      } else {
        g.writeNumber(e.getValue());
      }
    }
    g.writeEndObject();
  }
}

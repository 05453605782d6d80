package org.cevns.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Binds configuration sections (subtrees of the YAML tree, after {@code include:} and {@code --set} were applied)
 * onto records. Record components carry the YAML names ({@code @JsonProperty("mass_kg")}); keys the
 * record does not name are refused, required keys are {@code @JsonProperty(required = true)}, optional ones
 * {@link java.util.Optional}s, and the records validate themselves in their compact constructors by throwing
 * {@link ConfigException} with keys relative to the record. Types are as strict as YAML allows: a quoted
 * {@code '3'} is not a number, a number is not a string, {@code 3.5} is not an integer ({@link IntBounds} gives an
 * integer's range), an explicit null is refused everywhere (before binding), enums are spelled as {@link ConfigNode#spelling}.
 * Every failure becomes one {@link ConfigException} with the full key path.
 *
 * <p>The binder is {@link RecordBinder}: it calls each record's creator ({@link RecordShape}, read by plain
 * reflection) without Jackson's run-time introspection, whose building of deserializers was ~40 % of the CPU of a
 * computed {@code cevns rates} (docs/performance-history.md, "binder (twenty-ninth session)"). The Jackson binder it
 * replaced ({@code JacksonBinding}, in schema's test classes) is the tests' reference: {@link #MODE}.
 *
 * <p>While a {@link SchemaRecorder} is active, the bound types are reported to it ({@link BindingSchema}, with
 * {@link RecordShape}'s view of the types), so the generated JSON Schema covers bound sections like the ones still
 * read by {@link ConfigNode}.
 */
public final class ConfigBinding {
  /**
   * {@code -Dcevns.binding=compare} binds with {@link RecordBinder} and the Jackson binder it replaced, failing with
   * an {@link IllegalStateException} where they differ, {@code jackson} with the Jackson binder alone: a
   * {@link Reference} from schema's test classes (its test jar is on cli's test class path), for tests.
   */
  static final String MODE = System.getProperty("cevns.binding", "");
  /** The class of schema's tests that binds as {@link #MODE} asks. */
  private static final String REFERENCE_CLASS = "org.cevns.schema.BindingComparison";

  /** A binder used for {@link #MODE} in place of {@link RecordBinder} alone; in schema's test classes. */
  interface Reference {
    <T> T bind(JsonNode node, String path, Class<T> type);
  }

  /** The {@link Reference} for {@link #MODE}, found on first use ({@link #modeBinder}). */
  private static volatile Reference modeBinder;

  /**
   * The {@link Reference} for {@link #MODE}. Made lazily here rather than in a static holder class, so that a missing
   * test class shows its own message instead of an ExceptionInInitializerError.
   */
  private static Reference modeBinder() {
    Reference r = modeBinder;
    if (r == null) {
      synchronized (ConfigBinding.class) {
        r = modeBinder;
        if (r == null) {
          try {
            r = (Reference) Class.forName(REFERENCE_CLASS).getDeclaredConstructor(String.class).newInstance(MODE);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("-Dcevns.binding=" + MODE + " needs schema's test classes ("
                + REFERENCE_CLASS + ") on the class path", e);
          }
          modeBinder = r;
        }
      }
    }
    return r;
  }
  /** The types the sections of a configuration are bound onto ({@link #prepare}). */
  static final List<Class<?>> SECTIONS = List.of(ExperimentKeys.class, PhysicsKeys.class, GeneratorSettings.class,
      DetectorKeys.class, ReactorConfig.class, PionDarConfig.class, Solar8BConfig.class, MonoenergeticConfig.class,
      SpectrumFileKeys.class, SolarConfig.class, ResponseKeys.class, BackgroundKeys.class, WindowsKeys.class, AnalysisKeys.class,
      FitKeys.class, SystematicsKeys.class);

  private ConfigBinding() {}

  /**
   * Binds {@code node}, found at key path {@code path}, onto {@code type}.
   *
   * @throws ConfigException naming the full key path if the node does not fit the type or the record refuses it
   */
  public static <T> T bind(JsonNode node, String path, Class<T> type) {
    ConfigNode reader = ConfigNode.of(node, path);
    return bind(node, path, reader.schemaPath(), reader, type);
  }

  /**
   * {@link #bind(JsonNode, String, Class)} for a node read by {@code observer} at {@code schemaPath} (its place in
   * the schema: data keys and list items generalised), so the schema recorder merges what both saw.
   */
  static <T> T bind(JsonNode node, String path, List<String> schemaPath, Object observer, Class<T> type) {
    SchemaRecorder recorder = SchemaRecorder.current();
    if (recorder != null) {
      BindingSchema.record(recorder, schemaPath, observer, type);
    }
    try {
      if (MODE.isEmpty() || recorder != null) {
        return bindRecords(node, path, type);
      }
      return modeBinder().bind(node, path, type);
    } finally {
      if (recorder != null) {
        BindingSchema.done(recorder);
      }
    }
  }

  /** {@link RecordBinder}'s binding of {@code node}, found at key path {@code path}, onto {@code type}. */
  static <T> T bindRecords(JsonNode node, String path, Class<T> type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw ConfigException.rooted(path, "must be " + RecordBinder.kind(type, null), ConfigException.render(node));
    }
    RecordBinder.precheck(type, node, path, null);
    return type.cast(RecordBinder.value(type, node, path, null));
  }

  /**
   * Reads ahead of use the {@link RecordShape}s of the section types and of every record type they reach (the
   * classes, their creators and annotations), as the first binding would; for {@code cevns}'s start-up thread, which
   * runs this while the main thread builds the command line (docs/performance-history.md, "Sixth pass: a static
   * class-data archive"). Nothing a binding returns or reports changes.
   */
  public static void prepare() {
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    for (Class<?> c : SECTIONS) {
      prepare(c, seen);
    }
  }

  /**
   * The section types the first configuration loaded in this process binds, in the order it binds them
   * ({@link ConfigLoader#sectionTypes}), handed over by {@link #loading} for {@link #prepareAsLoaded}.
   */
  private static final java.util.concurrent.CompletableFuture<List<Class<?>>> LOADING =
      new java.util.concurrent.CompletableFuture<>();
  /** How long {@link #prepareAsLoaded} waits for {@link #loading} before it prepares every section type. */
  static final long LOADING_WAIT_MS = 1000;

  /** The configuration tree {@code tree} (includes and overrides applied) is about to be bound (first one only). */
  static void loading(JsonNode tree) {
    if (!LOADING.isDone()) {
      LOADING.complete(ConfigLoader.sectionTypes(tree));
    }
  }

  /**
   * {@link #prepare} for the configuration being loaded on another thread: the root's shapes, then, once the loader
   * has read the configuration ({@link #loading}; waiting up to {@value #LOADING_WAIT_MS} ms, else every section
   * type), those of the sections it has, in the order the loader binds them. (Made for Jackson's deserializers,
   * built one type at a time under one lock, so the loader waited behind a section it did not have; the shapes cost
   * less: the warm-up thread, YAML reader included, 0.12 -> 0.06 CPU-s of coherent-csi.) For {@code cevns}'s
   * start-up thread.
   */
  public static void prepareAsLoaded() {
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    prepare(ExperimentKeys.class, seen);
    List<Class<?>> types;
    try {
      types = LOADING.get(LOADING_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      types = SECTIONS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (Class<?> c : types) {
      prepare(c, seen);
    }
  }

  private static void prepare(Class<?> c, java.util.Set<Class<?>> seen) {
    RecordBinder.prepare(c, seen, 0);
  }
}

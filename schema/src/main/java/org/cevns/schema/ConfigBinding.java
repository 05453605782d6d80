package org.cevns.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleValueInstantiators;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Binds configuration sections (subtrees of the YAML tree, after {@code include:} and {@code --set} were applied)
 * onto records with Jackson. Record components carry the YAML names ({@code @JsonProperty("mass_kg")}); keys the
 * record does not name are refused, required keys are {@code @JsonProperty(required = true)}, optional ones
 * {@link java.util.Optional}s, and the records validate themselves in their compact constructors by throwing
 * {@link ConfigException} with keys relative to the record. Types are as strict as YAML allows: a quoted
 * {@code '3'} is not a number, a number is not a string, {@code 3.5} is not an integer ({@link IntBounds} gives an
 * integer's range), an explicit null is refused everywhere (before binding), enums are spelled as {@link ConfigNode#spelling}.
 * Every failure becomes one {@link ConfigException} with the full key path ({@link BindingErrors}, the one
 * translator).
 *
 * <p>While a {@link SchemaRecorder} is active, the bound types are reported to it ({@link BindingSchema}), so the
 * generated JSON Schema covers bound sections like the ones still read by {@link ConfigNode}.
 */
public final class ConfigBinding {
  /** The mapper of the model's sections (everything but {@link #STAGE_SECTIONS}). */
  private static final ObjectMapper MAPPER = mapper();
  /**
   * The sections bound with a second mapper of the same settings ({@link Stages}): Jackson builds the deserializers
   * of one mapper one type at a time under one lock, so with one mapper the loader waited for the start-up thread
   * to build the stages' deserializers too (the response models, backgrounds, windows, analysis), one after the
   * other; with two, two start-up threads build them side by side (docs/performance.md, coldrates). The same
   * settings, so the same records and the same messages.
   */
  static final java.util.Set<Class<?>> STAGE_SECTIONS = java.util.Set.of(ResponseKeys.class, BackgroundKeys.class,
      WindowsKeys.class, AnalysisKeys.class, FitKeys.class, SystematicsKeys.class);
  /** The mapper of the binding in progress on this thread (null: none, {@link #MAPPER}). */
  private static final ThreadLocal<ObjectMapper> CURRENT = new ThreadLocal<>();
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
    ObjectMapper previous = CURRENT.get();
    CURRENT.set(STAGE_SECTIONS.contains(type) ? Stages.MAPPER : previous != null ? previous : MAPPER);
    try {
      return bindWith(CURRENT.get(), node, path, schemaPath, observer, type);
    } finally {
      CURRENT.set(previous);
    }
  }

  private static <T> T bindWith(ObjectMapper mapper, JsonNode node, String path, List<String> schemaPath,
      Object observer, Class<T> type) {
    SchemaRecorder recorder = SchemaRecorder.current();
    if (recorder != null) {
      BindingSchema.record(recorder, schemaPath, observer, type);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw ConfigException.rooted(path, "must be " + BindingErrors.kind(mapper.constructType(type), null),
          ConfigException.render(node));
    }
    BindingSchema.precheck(mapper.constructType(type), node, path, null);
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw BindingErrors.translate(e, node, path);
    } finally {
      if (recorder != null) {
        BindingSchema.done(recorder);
      }
    }
  }

  /**
   * Builds ahead of use what binding the sections of a configuration asks of Jackson: the mapper's deserializers of
   * the section types ({@code readerFor} fetches and caches them) and {@link BindingSchema}'s property lists of
   * every record type they reach. The very objects the first binding would build (both are caches of this fixed
   * mapper), so nothing a binding returns or reports changes; for {@code cevns}'s start-up thread, which runs this
   * while the main thread builds the command line (docs/performance.md, "Sixth pass").
   */
  public static void prepare() {
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    for (Class<?> c : SECTIONS) {
      prepare(mapperOf(c), c, seen);
    }
  }

  /** The mapper sections of {@code type} are bound with. */
  private static ObjectMapper mapperOf(Class<?> type) {
    return STAGE_SECTIONS.contains(type) ? Stages.MAPPER : MAPPER;
  }

  /** The second mapper ({@link #STAGE_SECTIONS}), made on first use. */
  private static final class Stages {
    static final ObjectMapper MAPPER = mapper();
  }

  /** The stages' half of {@link #prepareAsLoaded}, on a thread of its own. */
  private static final class PrepareStages implements Runnable {
    @Override
    public void run() {
      try {
        List<Class<?>> types = loadingTypes();
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        for (Class<?> c : types) {
          if (STAGE_SECTIONS.contains(c)) {
            prepare(Stages.MAPPER, c, seen);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | LinkageError e) {
        return; // the binding reports it when it uses the type itself
      }
    }
  }

  /** The section types of the configuration being loaded ({@link #loading}), or all after the wait. */
  private static List<Class<?>> loadingTypes() throws InterruptedException {
    try {
      return LOADING.get(LOADING_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return SECTIONS;
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
   * {@link #prepare} for the configuration being loaded on another thread: the root's deserializer, then, once the
   * loader has read the configuration ({@link #loading}; waiting up to {@value #LOADING_WAIT_MS} ms, else every
   * section type), those of the sections it has, in the order the loader binds them. A section this configuration
   * does not have is not prepared (Jackson builds the deserializers of one type at a time under one lock, so the
   * loader waited behind them: the physics keys alone are ~40 ms of a cold JVM), and one the loader binds before
   * another is prepared first (its sources before its detectors). For {@code cevns}'s start-up thread.
   */
  public static void prepareAsLoaded() {
    Thread stages = new Thread(new PrepareStages(), "cevns-warm-up-stages");
    stages.setDaemon(true);
    stages.start();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    prepare(MAPPER, ExperimentKeys.class, seen);
    List<Class<?>> types;
    try {
      types = loadingTypes();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (Class<?> c : types) {
      if (!STAGE_SECTIONS.contains(c)) {
        prepare(MAPPER, c, seen);
      }
    }
  }

  private static void prepare(ObjectMapper mapper, Class<?> c, java.util.Set<Class<?>> seen) {
    ObjectMapper previous = CURRENT.get();
    CURRENT.set(mapper);
    try {
      mapper.readerFor(c);
      BindingSchema.prepare(mapper.constructType(c), seen, 0);
    } finally {
      CURRENT.set(previous);
    }
  }

  /** The mapper of this thread's binding in progress, else that of the model's sections. */
  private static ObjectMapper current() {
    ObjectMapper m = CURRENT.get();
    return m != null ? m : MAPPER;
  }

  /** The mapper's view of {@code type} (its properties), for the translator and the schema. */
  static BeanDescription describe(JavaType type) {
    DeserializationConfig config = current().getDeserializationConfig();
    return config.introspect(type);
  }

  /**
   * The creator properties (in creator order) of the mapper's deserializer of {@code type}, built and cached as the
   * first binding of the type would; null when the type has no properties-based creator or no bean deserializer.
   */
  static SettableBeanProperty[] creatorProperties(JavaType type) {
    ObjectMapper mapper = current();
    DeserializationConfig config = mapper.getDeserializationConfig();
    try {
      DefaultDeserializationContext context =
          ((DefaultDeserializationContext) mapper.getDeserializationContext()).createDummyInstance(config);
      JsonDeserializer<Object> d = context.findRootValueDeserializer(type);
      if (d instanceof BeanDeserializerBase bean && bean.getValueInstantiator().canCreateFromObjectWith()) {
        return bean.getValueInstantiator().getFromObjectArguments(config);
      }
    } catch (JsonMappingException | RuntimeException e) {
      return null; // reported by the binding itself
    }
    return null;
  }

  static JavaType typeOf(Class<?> type) {
    return current().constructType(type);
  }

  private static ObjectMapper mapper() {
    SimpleModule strict = new SimpleModule("cevns-strict-scalars");
    strict.setDeserializers(new SimpleDeserializers() {
      private static final long serialVersionUID = 1L;

      @Override
      public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
          BeanDescription beanDesc) throws JsonMappingException {
        return ChosenDeserializer.isChosen(type.getRawClass()) ? new ChosenDeserializer(type.getRawClass())
            : super.findBeanDeserializer(type, config, beanDesc);
      }
    });
    strict.addDeserializer(Double.class, new StrictScalars.ScalarDeserializer<>(Double.class, StrictScalars::number));
    strict.addDeserializer(Double.TYPE, new StrictScalars.ScalarDeserializer<>(Double.TYPE, StrictScalars::number));
    strict.addDeserializer(OptionalDouble.class, new StrictScalars.OptionalDoubleDeserializer());
    strict.addDeserializer(Integer.class, new StrictScalars.IntegerDeserializer<>(Integer.class, null));
    strict.addDeserializer(Integer.TYPE, new StrictScalars.IntegerDeserializer<>(Integer.TYPE, null));
    strict.addDeserializer(Long.class, new StrictScalars.IntegerDeserializer<>(Long.class, null));
    strict.addDeserializer(Long.TYPE, new StrictScalars.IntegerDeserializer<>(Long.TYPE, null));
    strict.addDeserializer(Boolean.class, new StrictScalars.ScalarDeserializer<>(Boolean.class, StrictScalars::bool));
    strict.addDeserializer(Boolean.TYPE, new StrictScalars.ScalarDeserializer<>(Boolean.TYPE, StrictScalars::bool));
    strict.addDeserializer(String.class, new StrictScalars.ScalarDeserializer<>(String.class, StrictScalars::string));
    strict.addDeserializer(BackgroundWidth.class,
        new StrictScalars.ScalarDeserializer<>(BackgroundWidth.class, StrictScalars::width));
    strict.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return enumDeserializer(type.getRawClass());
      }
    });
    strict.setValueInstantiators(new SimpleValueInstantiators() {
      @Override
      public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription beanDesc,
          ValueInstantiator defaultInstantiator) {
        ValueInstantiator found = super.findValueInstantiator(config, beanDesc, defaultInstantiator);
        return found.canCreateFromObjectWith() ? new Recording(found) : found;
      }
    });
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(strict)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonDeserializer<?> enumDeserializer(Class<?> type) {
    return new StrictScalars.EnumDeserializer(type);
  }

  /** Lets the schema recorder see the ranges a record's constructor checks. */
  private static final class Recording extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;

    Recording(ValueInstantiator delegate) {
      super(delegate);
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props,
        PropertyValueBuffer buffer) throws IOException {
      SchemaRecorder recorder = SchemaRecorder.current();
      if (recorder == null) {
        return delegate().createFromObjectWith(ctxt, props, buffer);
      }
      BindingSchema.enter(recorder, getValueClass());
      try {
        return delegate().createFromObjectWith(ctxt, props, buffer);
      } finally {
        recorder.exitBuild();
      }
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws IOException {
      SchemaRecorder recorder = SchemaRecorder.current();
      if (recorder == null) {
        return delegate().createFromObjectWith(ctxt, args);
      }
      BindingSchema.enter(recorder, getValueClass());
      try {
        return delegate().createFromObjectWith(ctxt, args);
      } finally {
        recorder.exitBuild();
      }
    }
  }
}

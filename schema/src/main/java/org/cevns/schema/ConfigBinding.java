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
  private static final ObjectMapper MAPPER = mapper();
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
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw ConfigException.rooted(path, "must be " + BindingErrors.kind(MAPPER.constructType(type), null),
          ConfigException.render(node));
    }
    BindingSchema.precheck(MAPPER.constructType(type), node, path, null);
    try {
      return MAPPER.treeToValue(node, type);
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
   * while the main thread builds the command line (docs/performance-history.md, "Sixth pass: a static class-data archive").
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
   * {@link #prepare} for the configuration being loaded on another thread: the root's deserializer, then, once the
   * loader has read the configuration ({@link #loading}; waiting up to {@value #LOADING_WAIT_MS} ms, else every
   * section type), those of the sections it has, in the order the loader binds them. A section this configuration
   * does not have is not prepared (Jackson builds the deserializers of one type at a time under one lock, so the
   * loader waited behind them: the physics keys alone are ~40 ms of a cold JVM), and one the loader binds before
   * another is prepared first (its sources before its detectors). For {@code cevns}'s start-up thread.
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
    MAPPER.readerFor(c);
    BindingSchema.prepare(MAPPER.constructType(c), seen, 0);
  }

  /** The mapper's view of {@code type} (its properties), for the translator and the schema. */
  static BeanDescription describe(JavaType type) {
    DeserializationConfig config = MAPPER.getDeserializationConfig();
    return config.introspect(type);
  }

  /**
   * The creator properties (in creator order) of the mapper's deserializer of {@code type}, built and cached as the
   * first binding of the type would; null when the type has no properties-based creator or no bean deserializer.
   */
  static SettableBeanProperty[] creatorProperties(JavaType type) {
    DeserializationConfig config = MAPPER.getDeserializationConfig();
    try {
      DefaultDeserializationContext context =
          ((DefaultDeserializationContext) MAPPER.getDeserializationContext()).createDummyInstance(config);
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
    return MAPPER.constructType(type);
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

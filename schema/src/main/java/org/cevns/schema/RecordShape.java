package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The creator of a bound record type as {@link RecordBinder} calls it, read once per type by plain reflection (no
 * Jackson introspection): the {@code static} or constructor {@link JsonCreator} if the type has one, else the
 * record's canonical constructor; each parameter's YAML key ({@link JsonProperty#value()}, else the record
 * component's name), whether it is {@link JsonProperty#required()}, its {@link IntBounds} and its generic type. The
 * same properties in the same order as Jackson's creator properties of the type ({@code RecordShapeTest} compares
 * them for every type the sections reach). The keys, required flags and bounds of the types cevns binds come from
 * {@link RecordShapeIndex}, written from this reflection at build time, when it has the type's creator: reading the
 * parameters' annotations in a cold JVM was most of a shape's cost.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  /** One creator parameter: its YAML key, generic type, whether required, its {@link IntBounds} (or null). */
  record Property(String name, Type type, boolean required, IntBounds bounds) {}

  private final Class<?> type;
  private final Executable creator;
  private final List<Property> properties;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> keys;

  private RecordShape(Class<?> type) {
    this(type, RecordShapeIndex.entry(type));
  }

  /**
   * The shape of {@code type} from {@code indexed}, its line of {@link RecordShapeIndex} (keys, required flags and
   * bounds without reading the parameters' annotations), or by reflection alone when it is null.
   */
  RecordShape(Class<?> type, RecordShapeIndex.Entry indexed) {
    this.type = type;
    this.creator = indexed != null ? indexed.creator() : creatorOf(type);
    Parameter[] params = creator.getParameters();
    Type[] types = creator.getGenericParameterTypes();
    RecordComponent[] components = indexed == null && type.isRecord() && creator instanceof Constructor<?>
        ? type.getRecordComponents() : null;
    List<Property> props = new ArrayList<>(params.length);
    List<String> names = new ArrayList<>(params.length);
    for (int i = 0; i < params.length; i++) {
      Type generic = types.length == params.length ? types[i] : params[i].getParameterizedType();
      String name;
      if (indexed != null) {
        name = indexed.keys().get(i);
        props.add(new Property(name, generic, indexed.required()[i], indexed.bounds()[i]));
      } else {
        JsonProperty json = params[i].getAnnotation(JsonProperty.class);
        name = json != null && !json.value().isEmpty() ? json.value()
            : components != null ? components[i].getName() : params[i].getName();
        props.add(new Property(name, generic, json != null && json.required(), params[i].getAnnotation(IntBounds.class)));
      }
      index.put(name, i);
      names.add(name);
    }
    this.properties = List.copyOf(props);
    this.keys = List.copyOf(names);
    creator.setAccessible(true);
  }

  /** The creator (for {@link RecordShapeIndex}). */
  Executable creator() {
    return creator;
  }

  /** The shape of a record type (computed on first use, then cached). */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** The creator parameters, in creator order. */
  List<Property> properties() {
    return properties;
  }

  /** The YAML keys, in creator order. */
  List<String> keys() {
    return keys;
  }

  /** The position of {@code key} among the properties, or -1. */
  int indexOf(String key) {
    Integer i = index.get(key);
    return i == null ? -1 : i;
  }

  /**
   * Calls the creator.
   *
   * @throws InvocationTargetException with what the creator threw
   */
  Object create(Object[] args) throws InvocationTargetException {
    try {
      return creator instanceof Method m ? m.invoke(null, args) : ((Constructor<?>) creator).newInstance(args);
    } catch (IllegalAccessException | InstantiationException e) {
      throw new IllegalStateException("cannot call the creator of " + type.getName(), e);
    }
  }

  /** The record type. */
  Class<?> type() {
    return type;
  }

  private static Executable creatorOf(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)) {
        return m;
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (c.isAnnotationPresent(JsonCreator.class)) {
        return c;
      }
    }
    if (type.isRecord()) {
      RecordComponent[] rc = type.getRecordComponents();
      Class<?>[] raw = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        raw[i] = rc[i].getType();
      }
      try {
        return type.getDeclaredConstructor(raw);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record without its canonical constructor: " + type.getName(), e);
      }
    }
    throw new IllegalStateException("not a bound record (no @JsonCreator, not a record): " + type.getName());
  }
}

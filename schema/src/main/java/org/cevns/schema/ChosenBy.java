package org.cevns.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface of records that {@link ConfigBinding} binds by one key of the map: the record is chosen
 * by the spelling of {@link #kinds()}'s constant in {@link #key()} ({@code model: lindhard}, {@code shape: flat},
 * {@code type: steady}), or by the presence of {@link #ifPresent()} ({@code by_element}). An unknown spelling is
 * {@code KEY: must be one of a, b, got 'x'}, a missing key {@code KEY: required key is missing}; the chosen record's
 * keys are then checked as every record's are ({@link RecordBinder#precheck}). The JSON Schema merges the choices.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ChosenBy {
  /** The key naming the record, e.g. {@code model}. */
  String key() default "";

  /** The enum whose constants, in order, name the {@link #types()}. */
  Class<? extends Enum<?>> kinds() default None.class;

  /** The record of each constant of {@link #kinds()} (a record may serve several). */
  Class<?>[] types() default {};

  /** A key whose presence chooses {@link #then()}; otherwise {@link #otherwise()}. */
  String ifPresent() default "";

  /** The record chosen when {@link #ifPresent()} is there. */
  Class<?> then() default Void.class;

  /** The type chosen when {@link #ifPresent()} is not there (another chosen interface or a record). */
  Class<?> otherwise() default Void.class;

  /** No enum. */
  enum None { }
}

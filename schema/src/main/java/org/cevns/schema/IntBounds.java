package org.cevns.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The integers a bound configuration key accepts, [{@link #min}, {@link #max}], on a record component or creator
 * parameter. {@link ConfigBinding} checks it (a value outside, or a number that is not an integer, is
 * {@code KEY: must be an integer in [MIN, MAX], got VALUE}) and the generated JSON Schema states it; the record may
 * check a narrower range itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface IntBounds {
  /** Smallest value allowed. */
  long min();

  /** Largest value allowed. */
  long max();
}

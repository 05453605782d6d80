/**
 * The detsim sections of a configuration built into the stage's models: {@code detectors[i].response}
 * ({@link org.cevns.detsim.setup.ResponseBuilder}), {@code detectors[i].backgrounds}
 * ({@link org.cevns.detsim.setup.BackgroundBuilder}) and {@code windows}, from the records the {@code schema} module
 * binds them onto ({@link org.cevns.schema.ResponseKeys}, {@link org.cevns.schema.BackgroundKeys},
 * {@link org.cevns.schema.WindowsKeys}); {@link org.cevns.detsim.setup.DetsimConfig} holds the result.
 */
package org.cevns.detsim.setup;

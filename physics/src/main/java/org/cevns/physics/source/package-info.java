/**
 * Neutrino sources: energy spectra ({@link org.cevns.physics.source.EnergySpectrum}), emission-time
 * profiles ({@link org.cevns.physics.source.TimeProfile}) and the sources built from them (pion decay at
 * rest, reactors, solar ⁸B, mono-energetic and user spectrum files). Physics: docs/physics.md, "Sources"; configuration
 * keys: docs/design.md "Source types".
 */
package org.cevns.physics.source;

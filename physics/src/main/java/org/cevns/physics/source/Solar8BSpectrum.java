package org.cevns.physics.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Solar ⁸B neutrino spectrum of Winter et al., PRC 73 (2006) 025503: the tabulated
 * best-estimate shape in 0.1 MeV steps, read from the resource {@value #RESOURCE} (its header names the
 * source), linear between the tabulated points. Mean energy ≈ 6.77 MeV; the table ends at 15.5 MeV.
 */
final class Solar8BSpectrum {
  /** Classpath resource holding the table (CSV {@code energy_mev,dn_de}). */
  public static final String RESOURCE = "b8_winter2006.csv";

  private static final TabulatedSpectrum WINTER_2006 = load();

  private Solar8BSpectrum() {}

  /** The Winter et al. (2006) shape. */
  public static TabulatedSpectrum winter2006() {
    return WINTER_2006;
  }

  private static TabulatedSpectrum load() {
    try (InputStream in = Solar8BSpectrum.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource org/cevns/physics/source/" + RESOURCE);
      }
      return SpectrumCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
  }
}

package org.cevns.analysis.reweight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.events.SpectrumKey;

/**
 * The detected signal events of a template simulation (CEvNS, upscattering and, under the component
 * {@code eves}, neutrino–electron scattering), kept for event-wise reweighting: per event its spectrum key,
 * observation (observed keVee, time, PE) and weight as histogrammed, and its truth (E_ν, recoil energy, flavour
 * code, process code, target Z and A). Filled in block order by one thread; read-only afterwards.
 */
public final class SignalEvents {
  private static final byte CEVNS = (byte) org.cevns.physics.Process.CEVNS.ordinal();
  private final List<SpectrumKey> keys = new ArrayList<>();
  private final Map<SpectrumKey, Integer> keyIndex = new HashMap<>();
  private int size;
  private int[] key = new int[1024];
  private double[] observedKeVee = new double[1024];
  private double[] timeNs = new double[1024];
  private int[] npe = new int[1024];
  private double[] weight = new double[1024];
  private double[] enuMeV = new double[1024];
  private double[] recoilKeV = new double[1024];
  private byte[] flavor = new byte[1024];
  private byte[] process = new byte[1024];
  private short[] z = new short[1024];
  private short[] a = new short[1024];

  /** Adds one CEvNS event. */
  public void add(SpectrumKey k, double observed, double time, int pe, double w, double enu, double recoil,
      byte flavorCode, int targetZ, int targetA) {
    add(k, observed, time, pe, w, enu, recoil, flavorCode, CEVNS, targetZ, targetA);
  }

  /** Adds one event of process {@code processCode} ({@link org.cevns.physics.Process} ordinal). */
  public void add(SpectrumKey k, double observed, double time, int pe, double w, double enu, double recoil,
      byte flavorCode, byte processCode, int targetZ, int targetA) {
    if (size == key.length) {
      int n = 2 * size;
      key = Arrays.copyOf(key, n);
      observedKeVee = Arrays.copyOf(observedKeVee, n);
      timeNs = Arrays.copyOf(timeNs, n);
      npe = Arrays.copyOf(npe, n);
      weight = Arrays.copyOf(weight, n);
      enuMeV = Arrays.copyOf(enuMeV, n);
      recoilKeV = Arrays.copyOf(recoilKeV, n);
      flavor = Arrays.copyOf(flavor, n);
      process = Arrays.copyOf(process, n);
      z = Arrays.copyOf(z, n);
      a = Arrays.copyOf(a, n);
    }
    Integer ki = keyIndex.get(k);
    if (ki == null) {
      ki = keys.size();
      keys.add(k);
      keyIndex.put(k, ki);
    }
    key[size] = ki;
    observedKeVee[size] = observed;
    timeNs[size] = time;
    npe[size] = pe;
    weight[size] = w;
    enuMeV[size] = enu;
    recoilKeV[size] = recoil;
    flavor[size] = flavorCode;
    process[size] = processCode;
    z[size] = (short) targetZ;
    a[size] = (short) targetA;
    size++;
  }

  /** Number of events. */
  public int size() {
    return size;
  }

  /** The spectrum key of event i. */
  public SpectrumKey key(int i) {
    return keys.get(key[i]);
  }

  /** Index of event i's key in {@link #keys()}. */
  public int keyIndex(int i) {
    return key[i];
  }

  /** The distinct keys, in order of first appearance. */
  public List<SpectrumKey> keys() {
    return List.copyOf(keys);
  }

  public double observedKeVee(int i) {
    return observedKeVee[i];
  }

  public double timeNs(int i) {
    return timeNs[i];
  }

  public int npe(int i) {
    return npe[i];
  }

  public double weight(int i) {
    return weight[i];
  }

  public double enuMeV(int i) {
    return enuMeV[i];
  }

  public double recoilKeV(int i) {
    return recoilKeV[i];
  }

  public byte flavor(int i) {
    return flavor[i];
  }

  /** The {@link org.cevns.physics.Process} ordinal of event i. */
  public byte process(int i) {
    return process[i];
  }

  public int targetZ(int i) {
    return z[i];
  }

  public int targetA(int i) {
    return a[i];
  }
}

package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code geometry} of a detector: where the neutrinos come from and the volume in which interaction vertices
 * are drawn. Coordinates are in the detector frame (origin at the detector centre), in m.
 *
 * @param positionM position of the detector centre relative to the point sources, m (three finite numbers,
 *     not all 0); empty: the detector sits on the +z axis of every point source (neutrinos travel along +z)
 * @param direction how incoming directions of non-point sources are chosen
 * @param latitudeDeg detector latitude in degrees, [−90, 90], for {@link Direction#SOLAR}
 * @param volume the volume in which vertices are drawn uniformly
 */
public record GeometryConfig(Optional<List<Double>> positionM, Direction direction, OptionalDouble latitudeDeg,
    Volume volume) {

  /** Incoming direction of neutrinos from sources without a position (solar, isotropic). */
  public enum Direction {
    /** {@code solar} for solar sources when {@code latitude_deg} is given, otherwise isotropic. */
    AUTO,
    /** Uniform on the sphere. */
    ISOTROPIC,
    /** From the Sun, averaged uniformly over the hours of the day and the days of a year. */
    SOLAR
  }

  /** Where vertices are drawn. */
  public sealed interface Volume permits Point, Box, Cylinder {}

  /** Every vertex at the detector centre (the default). */
  public record Point() implements Volume {}

  /**
   * A box centred on the detector origin, edges along the axes.
   *
   * @param xM full edge length along x in m, &gt; 0
   * @param yM along y
   * @param zM along z
   */
  public record Box(double xM, double yM, double zM) implements Volume {
    public Box {
      PhysicalRanges.VOLUME_SIZE_M.check("box_m[0]", xM);
      PhysicalRanges.VOLUME_SIZE_M.check("box_m[1]", yM);
      PhysicalRanges.VOLUME_SIZE_M.check("box_m[2]", zM);
    }
  }

  /**
   * A cylinder centred on the detector origin with its axis along z.
   *
   * @param radiusM radius in m, &gt; 0
   * @param heightM full height in m, &gt; 0
   */
  public record Cylinder(@JsonProperty(value = "radius_m", required = true) double radiusM,
      @JsonProperty(value = "height_m", required = true) double heightM) implements Volume {
    public Cylinder {
      PhysicalRanges.VOLUME_SIZE_M.check("radius_m", radiusM);
      PhysicalRanges.VOLUME_SIZE_M.check("height_m", heightM);
    }
  }

  /**
   * The YAML {@code volume} map: exactly one of {@code box_m} (three edge lengths) and {@code cylinder}.
   *
   * @param boxM edge lengths [x, y, z] in m
   * @param cylinder radius and height
   */
  record VolumeKeys(@JsonProperty("box_m") Optional<List<Double>> boxM,
      @JsonProperty("cylinder") Optional<Cylinder> cylinder) {
    VolumeKeys {
      Checks.exactlyOne(List.of("box_m", "cylinder"), boxM.isPresent(), cylinder.isPresent());
      if (boxM.isPresent() && boxM.get().size() != 3) {
        throw new ConfigException("box_m", "must be a list of three edge lengths [x, y, z] in m",
            boxM.get().isEmpty() ? "[]" : "a list");
      }
      volume(boxM, cylinder);
    }

    Volume volume() {
      return volume(boxM, cylinder);
    }

    private static Volume volume(Optional<List<Double>> boxM, Optional<Cylinder> cylinder) {
      return cylinder.isPresent() ? cylinder.get() : new Box(boxM.get().get(0), boxM.get().get(1), boxM.get().get(2));
    }
  }

  /** Binds the YAML {@code geometry} map ({@link ConfigBinding}); absent keys take the defaults of {@link #DEFAULT}. */
  @JsonCreator
  static GeometryConfig bind(@JsonProperty("position_m") Optional<List<Double>> positionM,
      @JsonProperty("direction") Optional<Direction> direction, @JsonProperty("latitude_deg") OptionalDouble latitudeDeg,
      @JsonProperty("volume") Optional<VolumeKeys> volume) {
    return new GeometryConfig(positionM, direction.orElse(Direction.AUTO), latitudeDeg,
        volume.isPresent() ? volume.get().volume() : new Point());
  }

  /** The default: point sources along +z, other sources isotropic (solar only with a latitude), point vertex. */
  public static final GeometryConfig DEFAULT = new GeometryConfig(Optional.empty(), Direction.AUTO,
      OptionalDouble.empty(), new Point());

  public GeometryConfig {
    positionM = Checks.optional(positionM);
    if (positionM.isPresent()) {
      List<Double> p = positionM.get();
      if (p.size() != 3) {
        throw new ConfigException("position_m", "must be a list of three numbers [x, y, z] in m", p.toString());
      }
      double norm = 0;
      for (int i = 0; i < 3; i++) {
        PhysicalRanges.POSITION_M.check("position_m[" + i + "]", p.get(i));
        norm += p.get(i) * p.get(i);
      }
      if (!(norm > 0)) {
        throw new ConfigException("position_m", "must not be the source position [0, 0, 0]", p.toString());
      }
      if (!PhysicalRanges.DISTANCE_M.contains(Math.sqrt(norm))) { // its length is the distance to the point sources
        throw new ConfigException("position_m", "must be " + PhysicalRanges.DISTANCE_M.describe()
            + " m from the source position [0, 0, 0] (its length is the distance)", p.toString());
      }
      positionM = Optional.of(List.copyOf(p));
    }
    Checks.present("direction", direction);
    latitudeDeg = Checks.optional("latitude_deg", latitudeDeg, PhysicalRanges.LATITUDE_DEG);
    if (latitudeDeg.isPresent() && Math.abs(latitudeDeg.getAsDouble()) > 90) {
      throw new ConfigException("latitude_deg", "must be in [-90, 90]",
          ConfigException.render(latitudeDeg.getAsDouble()));
    }
    if (direction == Direction.SOLAR && latitudeDeg.isEmpty()) {
      throw new ConfigException("latitude_deg", "required with direction: solar (degrees north, [-90, 90])");
    }
    Checks.present("volume", volume);
  }

  /** Distance (m) from the point sources to the detector centre, |position_m|, if a position is given. */
  public OptionalDouble distanceM() {
    return positionM.map(p -> OptionalDouble.of(Math.sqrt(p.get(0) * p.get(0) + p.get(1) * p.get(1)
        + p.get(2) * p.get(2)))).orElse(OptionalDouble.empty());
  }
}

package org.cevns.events.io;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetEncodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The parts of a data page that {@link PageValues} hands out besides its values: parquet-java's statistics from the
 * min, max and flags it collected, and its dictionary ids (RLE/bit-packed, or again as PLAIN values).
 */
final class PageStatistics {
  private PageStatistics() {}

  /** The statistics of page {@code p}. */
  static Statistics<?> of(PageValues p, boolean enabled, int nulls, ChunkDictionary dictionary) {
    if (!enabled) {
      return Statistics.noopStats(p.type);
    }
    Statistics<?> s = Statistics.createStats(p.type);
    s.incrementNumNulls(nulls);
    p.foldSeen(dictionary);
    if (p.primitive == PrimitiveTypeName.BINARY) {
      if (p.minBinary != null) {
        s.updateStats(p.minBinary);
        s.updateStats(p.maxBinary);
      }
    } else if (p.any) {
      switch (p.primitive) {
        case INT32 -> {
          s.updateStats((int) p.minLong);
          s.updateStats((int) p.maxLong);
        }
        case INT64 -> {
          s.updateStats(p.minLong);
          s.updateStats(p.maxLong);
        }
        case DOUBLE -> {
          s.updateStats(p.minDouble);
          s.updateStats(p.maxDouble);
        }
        default -> {
          if (p.seenFalse) {
            s.updateStats(false);
          }
          if (p.seenTrue) {
            s.updateStats(true);
          }
        }
      }
    }
    return s;
  }

  /** The dictionary ids of {@code p} written again as PLAIN values (the column abandons its dictionary). */
  static void idsToPlain(PageValues p, ChunkDictionary dictionary) {
    p.foldSeen(dictionary);
    for (int i = 0; i < p.idCount; i++) {
      int id = p.ids[i];
      switch (p.primitive) {
        case INT32 -> p.writeInt((int) dictionary.key(id));
        case BINARY -> p.writeBinary(dictionary.binary(id));
        default -> p.writeLong(dictionary.key(id));
      }
    }
    p.idCount = 0;
  }

  /** The ids of {@code p}: the bit width byte, then the ids RLE/bit-packed by {@code encoder} (closed by the caller). */
  static BytesInput ids(PageValues p, int bitWidth, RunLengthBitPackingHybridEncoder encoder) {
    try {
      for (int i = 0; i < p.idCount; i++) {
        encoder.writeInt(p.ids[i]);
      }
      return BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoder.toBytes());
    } catch (java.io.IOException e) {
      throw new ParquetEncodingException("could not encode dictionary ids", e);
    }
  }
}

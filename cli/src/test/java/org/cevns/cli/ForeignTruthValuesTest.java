package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.cevns.events.io.ParquetMetadataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cevns truth file rewritten by another tool (pyarrow: every column nullable) with a null or a NaN recoil energy:
 * detsim names the file and the problem in words. Before: "cannot read truth events: java.lang.IllegalStateException:
 * column recoil_kev has a null value but the target takes none (give it a nulls array)" and "...
 * java.lang.IllegalArgumentException: recoilKeVnr must be finite and >= 0, got NaN".
 */
class ForeignTruthValuesTest {
  static final String CONFIG = GenerateShardTest.CONFIG;
  @TempDir Path tmp;

  /** {@code truth} with recoil_kev optional, and in row 0 null ({@code value} null) or {@code value}. */
  private static Path rewrite(Path truth, Path out, Double value) throws Exception {
    Map<String, String> meta = ParquetMetadataReader.read(truth.toString());
    List<Group> rows = new ArrayList<>();
    MessageType in;
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(truth.toUri())).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        rows.add(g);
      }
    }
    in = (MessageType) rows.get(0).getType();
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Type t : in.getFields()) {
      b.addField(t.getName().equals("recoil_kev") ? Types.optional(t.asPrimitiveType().getPrimitiveTypeName())
          .named("recoil_kev") : t);
    }
    MessageType schema = b.named(in.getName());
    SimpleGroupFactory f = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(out.toUri()))
        .withType(schema).withExtraMetaData(meta).build()) {
      for (int i = 0; i < rows.size(); i++) {
        Group src = rows.get(i);
        Group g = f.newGroup();
        for (int c = 0; c < schema.getFieldCount(); c++) {
          String name = schema.getFieldName(c);
          if (name.equals("recoil_kev") && i == 0) {
            if (value != null) {
              g.append(name, value.doubleValue());
            }
          } else if (src.getFieldRepetitionCount(c) > 0) {
            switch (schema.getType(c).asPrimitiveType().getPrimitiveTypeName()) {
              case INT32 -> g.add(c, src.getInteger(c, 0));
              case INT64 -> g.add(c, src.getLong(c, 0));
              case DOUBLE -> g.add(c, src.getDouble(c, 0));
              case FLOAT -> g.add(c, src.getFloat(c, 0));
              case BOOLEAN -> g.add(c, src.getBoolean(c, 0));
              default -> g.add(c, src.getBinary(c, 0));
            }
          }
        }
        w.write(g);
      }
    }
    return out;
  }

  @Test
  void aNullOrNaNRecoilEnergyIsNamedWithoutJavaClassNames() throws Exception {
    Path truth = tmp.resolve("t.parquet");
    assertEquals(0, CliRunner.run("generate", CONFIG, "-o", truth.toString(), "--events", "50", "--seed", "1",
        "--quiet").exitCode());
    Path nulls = rewrite(truth, tmp.resolve("nulls.parquet"), null);
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", nulls.toString(), "-o", out.toString(), "--quiet",
        "--no-backgrounds");
    Failures.assertClean(2, r, out);
    assertEquals("cevns: " + nulls + ": cannot read truth events: column recoil_kev has a null value but the target"
        + " takes none (cevns files have no nulls there)\n", r.err());
    Path nan = rewrite(truth, tmp.resolve("nan.parquet"), Double.NaN);
    r = CliRunner.run("detsim", CONFIG, "-i", nan.toString(), "-o", out.toString(), "--quiet", "--no-backgrounds");
    Failures.assertClean(2, r, out);
    assertEquals("cevns: " + nan + ": cannot read truth events: recoilKeVnr must be finite and >= 0, got NaN\n",
        r.err());
  }

  /**
   * A truth file without a column detsim reads, or with another type in it, names the file as written, once. Before:
   * "cannot read truth events: file:/tmp/x/t.parquet: no column 'recoil_kev', ...".
   */
  @Test
  void aMissingColumnNamesThePathAsWritten() throws Exception {
    Path other = tmp.resolve("other.parquet");
    MessageType schema = Types.buildMessage().required(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName
        .DOUBLE).named("enu_mev").named("other");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(other.toUri()))
        .withType(schema).withExtraMetaData(Map.of("cevns.config", "name: x")).build()) {
      w.write(new SimpleGroupFactory(schema).newGroup().append("enu_mev", 10.0));
    }
    Path out = tmp.resolve("d.parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIG, "-i", other.toString(), "-o", out.toString(), "--quiet");
    Failures.assertClean(2, r, out);
    org.junit.jupiter.api.Assertions.assertTrue(r.err().startsWith("cevns: cannot read truth events: " + other
        + ": no column '"), r.err());
  }
}

package io.soundbox.testsupport.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.soundbox.testsupport.onnx.OnnxModelWriter.Attribute;
import io.soundbox.testsupport.onnx.OnnxModelWriter.DataType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelWriterTest {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    @Test
    void writtenModelLoadsWithItsNamesAndDynamicAxesAndRuns(@TempDir Path dir) throws Exception {
        Path file = new OnnxModelWriter("gather")
                .input("input_ids", DataType.INT64, "batch", "sequence")
                .output("last_hidden_state", DataType.FLOAT, "batch", "sequence", 2)
                .initializer("table", new float[] {0, 0, 1, 10, 2, 20}, 3, 2)
                .scalar("two", 2f)
                .op("Gather", "rows", List.of("table", "input_ids"), Attribute.i("axis", 0))
                .op("Mul", "last_hidden_state", List.of("rows", "two"))
                .write(dir.resolve("m.onnx"));

        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor ids = OnnxTensor.createTensor(env, new long[][] {{2, 1, 0}})) {
            NodeInfo in = session.getInputInfo().get("input_ids");
            assertThat(((TensorInfo) in.getInfo()).getShape()).containsExactly(-1, -1);
            try (OrtSession.Result r = session.run(Map.of("input_ids", ids))) {
                float[][][] out = (float[][][]) r.get(0).getValue();
                assertThat(out[0][0]).containsExactly(4f, 40f);
                assertThat(out[0][1]).containsExactly(2f, 20f);
                assertThat(out[0][2]).containsExactly(0f, 0f);
            }
        }
    }

    @Test
    void attributesOfEveryKindAreRead(@TempDir Path dir) throws Exception {
        Path file = new OnnxModelWriter("attrs")
                .input("x", DataType.FLOAT, 2, 3)
                .output("y", DataType.FLOAT, 2)
                .output("z", DataType.FLOAT, 2, 3)
                .constant("shape", 2, 3)
                .op("ReduceSum", "y", List.of("x", "axes"), Attribute.i("keepdims", 0))
                .constant("axes", 1)
                .op("ConstantOfShape", "c", List.of("shape"), Attribute.floatTensor("value", 0.5f))
                .op("Add", "z", List.of("x", "c"))
                .write(dir.resolve("a.onnx"));
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor x = OnnxTensor.createTensor(env, new float[][] {{1, 2, 3}, {4, 5, 6}});
                OrtSession.Result r = session.run(Map.of("x", x))) {
            assertThat((float[]) r.get("y").get().getValue()).containsExactly(6f, 15f);
            assertThat(((float[][]) r.get("z").get().getValue())[1]).containsExactly(4.5f, 5.5f, 6.5f);
        }
    }

    @Test
    void garbageIsRejectedByTheRuntime(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("broken.onnx"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> env.createSession(file.toString(), new OrtSession.SessionOptions()))
                .isInstanceOf(OrtException.class);
    }
}

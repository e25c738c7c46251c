package io.soundbox.testsupport.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models from Java, without Python or protoc: a graph of standard operators with
 * named, typed inputs and outputs (fixed or symbolic dimensions) and initializers. Field numbers follow
 * onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto). Tests use
 * it to build stand-ins with a real export's exact input/output names, dtypes and dynamic axes.
 *
 * <pre>{@code
 * new OnnxModelWriter("tiny")
 *     .input("x", DataType.FLOAT, "batch", 4)
 *     .output("y", DataType.FLOAT, "batch", 4)
 *     .node("Relu", List.of("x"), List.of("y"))
 *     .write(dir.resolve("tiny.onnx"));
 * }</pre>
 */
public final class OnnxModelWriter {
    /** IR version 8 and opset 17: read by every ONNX Runtime since 1.14. */
    private static final long IR_VERSION = 8;
    private static final long DEFAULT_OPSET = 17;

    /** ONNX TensorProto.DataType values. */
    public enum DataType {
        FLOAT(1), UINT8(2), INT8(3), INT32(6), INT64(7), BOOL(9);

        final int code;

        DataType(int code) {
            this.code = code;
        }
    }

    private final String name;
    private final long opset;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int nodeCount;

    public OnnxModelWriter(String name) {
        this(name, DEFAULT_OPSET);
    }

    public OnnxModelWriter(String name, long opset) {
        this.name = name;
        this.opset = opset;
    }

    /** A graph input; each dim is a {@link Number} (fixed size) or a {@link String} (symbolic, dynamic). */
    public OnnxModelWriter input(String valueName, DataType type, Object... dims) {
        inputs.add(valueInfo(valueName, type, dims));
        return this;
    }

    public OnnxModelWriter output(String valueName, DataType type, Object... dims) {
        outputs.add(valueInfo(valueName, type, dims));
        return this;
    }

    public OnnxModelWriter initializer(String valueName, float[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            raw.putFloat(f);
        }
        initializers.add(tensor(valueName, DataType.FLOAT, raw.array(), dims));
        return this;
    }

    public OnnxModelWriter initializer(String valueName, long[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : data) {
            raw.putLong(v);
        }
        initializers.add(tensor(valueName, DataType.INT64, raw.array(), dims));
        return this;
    }

    /** A 1-D int64 constant, the usual shape/axes/indices argument. */
    public OnnxModelWriter constant(String valueName, long... values) {
        return initializer(valueName, values, values.length);
    }

    /** A 0-D (scalar) int64 constant. */
    public OnnxModelWriter scalar(String valueName, long value) {
        return initializer(valueName, new long[] {value});
    }

    /** A 0-D (scalar) float constant. */
    public OnnxModelWriter scalar(String valueName, float value) {
        return initializer(valueName, new float[] {value});
    }

    public OnnxModelWriter node(String opType, List<String> in, List<String> out, Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String i : in) {
            n.string(1, i);
        }
        for (String o : out) {
            n.string(2, o);
        }
        n.string(3, opType.toLowerCase() + "_" + nodeCount++);
        n.string(4, opType);
        for (Attribute a : attributes) {
            n.message(5, a.proto);
        }
        nodes.add(n);
        return this;
    }

    /** Shorthand for a node with one output. */
    public OnnxModelWriter op(String opType, String out, List<String> in, Attribute... attributes) {
        return node(opType, in, List.of(out), attributes);
    }

    public byte[] toBytes() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "soundbox-test-support")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset));
        return model.toBytes();
    }

    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.write(file, toBytes());
    }

    private static ProtoWriter valueInfo(String valueName, DataType type, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof Number n) {
                dim.varint(1, n.longValue());
            } else if (d instanceof String s) {
                dim.string(2, s);
            } else {
                throw new IllegalArgumentException("a dimension is a number or a name: " + d);
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, type.code).message(2, shape);
        ProtoWriter typeProto = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, valueName).message(2, typeProto);
    }

    static ProtoWriter tensor(String valueName, DataType type, byte[] raw, long... dims) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, type.code);
        if (valueName != null) {
            t.string(8, valueName);
        }
        t.bytes(9, raw);
        return t;
    }

    /** A node attribute (AttributeProto). */
    public static final class Attribute {
        final ProtoWriter proto;

        private Attribute(ProtoWriter proto) {
            this.proto = proto;
        }

        public static Attribute i(String name, long value) {
            return new Attribute(new ProtoWriter().string(1, name).varint(3, value).varint(20, 2));
        }

        public static Attribute f(String name, float value) {
            return new Attribute(new ProtoWriter().string(1, name).fixed32(2, value).varint(20, 1));
        }

        public static Attribute ints(String name, long... values) {
            ProtoWriter p = new ProtoWriter().string(1, name);
            for (long v : values) {
                p.varint(8, v);
            }
            return new Attribute(p.varint(20, 7));
        }

        public static Attribute s(String name, String value) {
            return new Attribute(new ProtoWriter().string(1, name).string(4, value).varint(20, 3));
        }

        /** A tensor attribute, e.g. {@code ConstantOfShape}'s value: a one-element float tensor. */
        public static Attribute floatTensor(String name, float value) {
            ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
            return new Attribute(new ProtoWriter().string(1, name)
                    .message(5, tensor(null, DataType.FLOAT, raw.array(), 1)).varint(20, 4));
        }
    }
}

using System.Collections.Concurrent;

namespace Sam.Geo.Tests.Fixtures.Onnx;

/// <summary>Encoders the tests can build.</summary>
public enum TestEncoder
{
    /// <summary>Input <c>image</c> [1,3,1024,1024] normalised NCHW.</summary>
    Nchw,
    /// <summary>samexporter style: input <c>input_image</c> [h,w,3] RGB 0-255, preprocessing in the graph.</summary>
    Hwc,
    /// <summary>Malformed: output <c>image_embeddings</c> is [1,256,32,32].</summary>
    WrongOutputShape,
}

/// <summary>Decoders the tests can build.</summary>
public enum TestDecoder
{
    /// <summary>Logits positive exactly inside the box prompt (labels 2/3), C = 1.</summary>
    Box,
    /// <summary>Logits positive where the image has the grey level of the first foreground click, C = 1.</summary>
    Region,
    /// <summary>C = 4: token 2 is the box mask with the best IoU; tokens 0, 1, 3 are wrong.</summary>
    Multimask,
    /// <summary>
    /// Logits positive inside the box where the grey level is within <see cref="TestModels.ObjectTolerance"/>
    /// of the grey at the first foreground click, or at the box centre without one: the object a box is drawn
    /// around, on textured imagery. C = 1.
    /// </summary>
    BoxRegion,
    /// <summary>Like <see cref="Region"/> with the wider <see cref="TestModels.ObjectTolerance"/>, for textured objects.</summary>
    RegionWide,
    /// <summary>Malformed: no <c>orig_im_size</c> input.</summary>
    MissingOrigImSize,
    /// <summary>Malformed: <c>point_coords</c> has rank 2.</summary>
    WrongPointCoordsRank,
    /// <summary>
    /// The stand-in's decoder: the connected region around the first foreground click whose grey level is
    /// within <see cref="TestModels.ConnectedRegionTolerance"/> of the mean grey around the click (7×7 px):
    /// one object, not every object of its grey. C = 1.
    /// </summary>
    ConnectedRegion,
}

/// <summary>
/// Writes small ONNX models with the official SAM 1 names, shapes and dtypes (SAM-CONTRACTS §1-2) and
/// behaviour a test can predict. The encoders average the three normalised channels and fold the
/// 1024² grey image into [1,256,64,64] with SpaceToDepth(16), so decoders can recover the picture.
/// </summary>
public static class TestModels
{
    /// <summary>Predicted IoU of the single-mask decoders without a mask input (0.96 with one).</summary>
    public const float BoxIou = 0.95f;

    /// <summary>Multimask IoU predictions per token; token 2 (the right mask) is best.</summary>
    public static readonly float[] MultimaskIous = [0.5f, 0.3f, 0.9f, 0.6f];

    /// <summary>Grey-level tolerance of the region decoder, in normalised units.</summary>
    public const float RegionTolerance = 0.05f;

    /// <summary>Grey-level tolerance of <see cref="TestDecoder.BoxRegion"/> and <see cref="TestDecoder.RegionWide"/>.</summary>
    public const float ObjectTolerance = 0.35f;

    /// <summary>
    /// Grey-level tolerance of the connected-region decoder, in normalised units (about 14 grey levels):
    /// wide enough for textured roofs and fields, far below the contrast between neighbouring objects.
    /// </summary>
    public const float ConnectedRegionTolerance = 0.25f;

    /// <summary>Growth steps of the connected-region decoder, each one 4 px of the 1024 frame.</summary>
    public const int ConnectedRegionSteps = 128;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"samgeo-test-models-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<(TestEncoder, TestDecoder), Lazy<string>> Cache = new();

    /// <summary>A directory holding encoder.onnx and decoder.onnx of the given kinds, written once per test run.</summary>
    public static string Get(TestEncoder encoder, TestDecoder decoder) =>
        Cache.GetOrAdd((encoder, decoder), key => new Lazy<string>(() =>
        {
            string dir = Path.Combine(Root, $"{key.Item1}-{key.Item2}");
            Write(dir, key.Item1, key.Item2);
            return dir;
        })).Value;

    /// <summary>Writes encoder.onnx and decoder.onnx into <paramref name="directory"/>.</summary>
    public static void Write(string directory, TestEncoder encoder, TestDecoder decoder)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "encoder.onnx"), BuildEncoder(encoder));
        File.WriteAllBytes(Path.Combine(directory, "decoder.onnx"), BuildDecoder(decoder));
    }

    /// <summary>The ONNX bytes of an encoder.</summary>
    public static byte[] BuildEncoder(TestEncoder kind)
    {
        var g = new OnnxGraph();
        string nchw;
        if (kind == TestEncoder.Hwc)
        {
            g.Input("input_image", OnnxGraph.Float, "h", "w", 3L);
            string x = g.Op("Sub", ["input_image", g.Const([123.675f, 116.28f, 103.53f], 3)]);
            x = g.Op("Div", [x, g.Const([58.395f, 57.12f, 57.375f], 3)]);
            x = g.Op("Transpose", [x], ("perm", new long[] { 2, 0, 1 }));
            x = g.Op("Unsqueeze", [x, g.ConstI64([0], 1)]);
            string hw = g.Op("Shape", ["input_image"], ("start", 0L), ("end", 2L));
            string padHw = g.Op("Sub", [g.ConstI64([1024, 1024], 2), hw]);
            string pads = g.Op("Concat", [g.ConstI64([0, 0, 0, 0, 0, 0], 6), padHw], ("axis", 0L));
            nchw = g.Op("Pad", [x, pads]);
        }
        else
        {
            g.Input("image", OnnxGraph.Float, 1L, 3L, 1024L, 1024L);
            nchw = "image";
        }
        string grey = g.Op("ReduceMean", [nchw], ("axes", new long[] { 1 }), ("keepdims", 1L));
        string embedding = g.Op("SpaceToDepth", [grey], ("blocksize", 16L));
        if (kind == TestEncoder.WrongOutputShape)
        {
            embedding = g.Op("MaxPool", [embedding], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }));
            g.Output("image_embeddings", OnnxGraph.Float, 1L, 256L, 32L, 32L);
        }
        else
        {
            g.Output("image_embeddings", OnnxGraph.Float, 1L, 256L, 64L, 64L);
        }
        g.Node("Identity", [embedding], ["image_embeddings"]);
        return g.ToModel();
    }

    /// <summary>The ONNX bytes of a decoder.</summary>
    public static byte[] BuildDecoder(TestDecoder kind)
    {
        var g = new OnnxGraph();
        g.Input("image_embeddings", OnnxGraph.Float, 1L, 256L, 64L, 64L);
        if (kind == TestDecoder.WrongPointCoordsRank) g.Input("point_coords", OnnxGraph.Float, "num_points", 2L);
        else g.Input("point_coords", OnnxGraph.Float, 1L, "num_points", 2L);
        g.Input("point_labels", OnnxGraph.Float, 1L, "num_points");
        g.Input("mask_input", OnnxGraph.Float, 1L, 1L, 256L, 256L);
        g.Input("has_mask_input", OnnxGraph.Float, 1L);
        if (kind != TestDecoder.MissingOrigImSize) g.Input("orig_im_size", OnnxGraph.Float, 2L);

        long c = kind == TestDecoder.Multimask ? 4 : 1;
        g.Output("masks", OnnxGraph.Float, 1L, c, "H", "W");
        g.Output("iou_predictions", OnnxGraph.Float, 1L, c);
        g.Output("low_res_masks", OnnxGraph.Float, 1L, c, 256L, 256L);

        switch (kind)
        {
            case TestDecoder.Box:
                BoxDecoder(g);
                break;
            case TestDecoder.Multimask:
                MultimaskDecoder(g);
                break;
            case TestDecoder.Region:
                RegionDecoder(g, RegionTolerance);
                break;
            case TestDecoder.RegionWide:
                RegionDecoder(g, ObjectTolerance);
                break;
            case TestDecoder.BoxRegion:
                BoxRegionDecoder(g);
                break;
            case TestDecoder.ConnectedRegion:
                ConnectedRegionDecoder(g);
                break;
            default:
                g.Node("Identity", [g.Const([0f], 1, 1, 1, 1)], ["masks"]);
                g.Node("Identity", [g.Const([BoxIou], 1, 1)], ["iou_predictions"]);
                g.Node("Identity", [g.Const(new float[256 * 256], 1, 1, 256, 256)], ["low_res_masks"]);
                break;
        }
        return g.ToModel();
    }

    private static void BoxDecoder(OnnxGraph g)
    {
        var (masks, lowRes) = BoxLogits(g);
        g.Node("Identity", [masks], ["masks"]);
        g.Node("Identity", [lowRes], ["low_res_masks"]);
        // iou = 0.95 + 0.01 * has_mask_input * clip(max(mask_input), 0, 1): shows a refinement input arrived.
        string maxMask = g.Op("ReduceMax", ["mask_input"], ("keepdims", 0L));
        string clipped = g.Op("Clip", [maxMask, g.Scalar(0f), g.Scalar(1f)]);
        string bonus = g.Op("Mul", [g.Op("Mul", ["has_mask_input", clipped]), g.Scalar(0.01f)]);
        string iou = g.Op("Add", [bonus, g.Scalar(BoxIou)]);
        g.Node("Reshape", [iou, g.ConstI64([1, 1], 2)], ["iou_predictions"]);
    }

    private static void MultimaskDecoder(OnnxGraph g)
    {
        var (masks, lowRes) = BoxLogits(g);
        g.Node("Concat", Tokens(g, masks), ["masks"], ("axis", 1L));
        g.Node("Concat", Tokens(g, lowRes), ["low_res_masks"], ("axis", 1L));
        g.Node("Identity", [g.Const(MultimaskIous, 1, 4)], ["iou_predictions"]);
    }

    // token 0 inverted, token 1 empty, token 2 right, token 3 inverted.
    private static string[] Tokens(OnnxGraph g, string logits)
    {
        string inverted = g.Op("Neg", [logits]);
        string empty = g.Op("Add", [g.Op("Mul", [logits, g.Scalar(0f)]), g.Scalar(-10f)]);
        return [inverted, empty, logits, inverted];
    }

    /// <summary>Box logits at original size [1,1,H,W] and in the 256 low-res frame [1,1,256,256].</summary>
    private static (string Masks, string LowRes) BoxLogits(OnnxGraph g) => BoxLogits(g, BoxCorners(g));

    /// <summary>The box corners (x0, y0, x1, y1) in the 1024 frame, from the label-2 and label-3 points.</summary>
    private static (string X0, string Y0, string X1, string Y1) BoxCorners(OnnxGraph g)
    {
        string coords = ShiftedCoords(g);
        string xs = g.Op("Gather", [coords, g.ConstI64([0])], ("axis", 2L));
        string ys = g.Op("Gather", [coords, g.ConstI64([1])], ("axis", 2L));
        string is2 = g.Op("Cast", [g.Op("Equal", ["point_labels", g.Scalar(2f)])], ("to", 1L));
        string is3 = g.Op("Cast", [g.Op("Equal", ["point_labels", g.Scalar(3f)])], ("to", 1L));
        string Pick(string v, string mask) => g.Op("ReduceSum", [g.Op("Mul", [v, mask])], ("keepdims", 0L));
        return (Pick(xs, is2), Pick(ys, is2), Pick(xs, is3), Pick(ys, is3));
    }

    private static (string Masks, string LowRes) BoxLogits(OnnxGraph g, (string X0, string Y0, string X1, string Y1) corners)
    {
        var (x0m, y0m, x1m, y1m) = corners;

        // back to original pixels: x = x' * W / neww with neww = floor(W * 1024 / max(H, W) + 0.5)
        string ratio = g.Op("Div", ["orig_im_size", ResizedSize(g)]);
        string rh = g.Op("Gather", [ratio, g.ConstI64([0])], ("axis", 0L));
        string rw = g.Op("Gather", [ratio, g.ConstI64([1])], ("axis", 0L));
        string h = g.Op("Gather", ["orig_im_size", g.ConstI64([0])], ("axis", 0L));
        string w = g.Op("Gather", ["orig_im_size", g.ConstI64([1])], ("axis", 0L));
        string masks = Inside(g, g.Op("Range", [g.Scalar(0.5f), w, g.Scalar(1f)]),
            g.Op("Range", [g.Scalar(0.5f), h, g.Scalar(1f)]),
            g.Op("Mul", [x0m, rw]), g.Op("Mul", [x1m, rw]), g.Op("Mul", [y0m, rh]), g.Op("Mul", [y1m, rh]));

        // low-res cell centres in the 1024 frame: (i + 0.5) * 4; logits in low-res cells
        string grid = g.Op("Mul", [g.Op("Range", [g.Scalar(0.5f), g.Scalar(256f), g.Scalar(1f)]), g.Scalar(4f)]);
        string lowRes = g.Op("Div", [Inside(g, grid, grid, x0m, x1m, y0m, y1m), g.Scalar(4f)]);
        return (masks, lowRes);
    }

    // logit[r, c] = min(cx - x0, x1 - cx, cy - y0, y1 - cy), shaped [1,1,rows,cols]
    private static string Inside(OnnxGraph g, string cx, string cy, string x0, string x1, string y0, string y1)
    {
        string dx = g.Op("Min", [g.Op("Sub", [cx, x0]), g.Op("Sub", [x1, cx])]);
        string dy = g.Op("Min", [g.Op("Sub", [cy, y0]), g.Op("Sub", [y1, cy])]);
        string grid = g.Op("Min", [g.Op("Unsqueeze", [dy, g.ConstI64([1], 1)]), dx]);
        return g.Op("Unsqueeze", [grid, g.ConstI64([0, 1], 2)]);
    }

    // Like SAM's prompt encoder, the graph moves coordinates to pixel centres itself (+0.5 in the 1024 frame).
    private static string ShiftedCoords(OnnxGraph g) => g.Op("Add", ["point_coords", g.Scalar(0.5f)]);

    // (newh, neww) as float [2], computed in float32 like SAM's resize_longest_image_size
    private static string ResizedSize(OnnxGraph g)
    {
        string longSide = g.Op("ReduceMax", ["orig_im_size"], ("keepdims", 0L));
        string scale = g.Op("Div", [g.Scalar(1024f), longSide]);
        return g.Op("Floor", [g.Op("Add", [g.Op("Mul", ["orig_im_size", scale]), g.Scalar(0.5f)])]);
    }

    private static void RegionDecoder(OnnxGraph g, float tolerance)
    {
        var (x, y, _) = FirstClick(g);
        var (masks, lowRes) = GreyLogits(g, x, y, tolerance);
        g.Node("Identity", [masks], ["masks"]);
        g.Node("Identity", [lowRes], ["low_res_masks"]);
        g.Node("Identity", [g.Const([BoxIou], 1, 1)], ["iou_predictions"]);
    }

    /// <summary>The first foreground click's model-frame (x, y), [1]-shaped, and 1 when there is one (else 0).</summary>
    private static (string X, string Y, string HasClick) FirstClick(OnnxGraph g)
    {
        string is1 = g.Op("Cast", [g.Op("Equal", ["point_labels", g.Scalar(1f)])], ("to", 1L));
        string first = g.Op("ArgMax", [is1], ("axis", 1L), ("keepdims", 0L));
        string point = g.Op("Gather", [g.Op("Reshape", [ShiftedCoords(g), g.ConstI64([-1, 2], 2)]), first], ("axis", 0L));
        string x = g.Op("Gather", [point, g.ConstI64([0])], ("axis", 1L));
        string y = g.Op("Gather", [point, g.ConstI64([1])], ("axis", 1L));
        return (g.Op("Reshape", [x, g.ConstI64([1], 1)]), g.Op("Reshape", [y, g.ConstI64([1], 1)]),
            g.Op("ReduceMax", [is1], ("axes", new long[] { 1 }), ("keepdims", 0L)));
    }

    // inside the box (in pixels) and within the tolerance of the grey at the box centre (scaled to ~pixels)
    private static void BoxRegionDecoder(OnnxGraph g)
    {
        var corners = BoxCorners(g);
        var (box, boxLowRes) = BoxLogits(g, corners);
        string half = g.Scalar(0.5f);
        string cx = g.Op("Unsqueeze", [g.Op("Mul", [g.Op("Add", [corners.X0, corners.X1]), half]), g.ConstI64([0], 1)]);
        string cy = g.Op("Unsqueeze", [g.Op("Mul", [g.Op("Add", [corners.Y0, corners.Y1]), half]), g.ConstI64([0], 1)]);
        // seed = the first click when there is one, else the box centre
        var (px, py, has) = FirstClick(g);
        string notHas = g.Op("Sub", [g.Scalar(1f), has]);
        string sx = g.Op("Add", [g.Op("Mul", [px, has]), g.Op("Mul", [cx, notHas])]);
        string sy = g.Op("Add", [g.Op("Mul", [py, has]), g.Op("Mul", [cy, notHas])]);
        var (grey, greyLowRes) = GreyLogits(g, sx, sy, ObjectTolerance);
        string scale = g.Scalar(10f);
        g.Node("Min", [box, g.Op("Mul", [grey, scale])], ["masks"]);
        g.Node("Min", [boxLowRes, g.Op("Mul", [greyLowRes, scale])], ["low_res_masks"]);
        g.Node("Identity", [g.Const([BoxIou], 1, 1)], ["iou_predictions"]);
    }

    /// <summary>
    /// tolerance - |grey - grey(x, y)| over the picture (x, y: [1]-shaped model-frame coordinates), cropped to
    /// the resized image and resized to orig_im_size, plus its 256² low-res form.
    /// </summary>
    private static (string Masks, string LowRes) GreyLogits(OnnxGraph g, string x, string y, float tolerance)
    {
        string image = g.Op("DepthToSpace", ["image_embeddings"], ("blocksize", 16L));
        string flat = g.Op("Reshape", [image, g.ConstI64([-1], 1)]);
        string Index(string v) => g.Op("Cast", [g.Op("Clip", [g.Op("Floor", [v]), g.Scalar(0f), g.Scalar(1023f)])], ("to", 7L));
        string index = g.Op("Add", [g.Op("Mul", [Index(y), g.ConstI64([1024])]), Index(x)]);
        string value = g.Op("Gather", [flat, index], ("axis", 0L));
        string logits = g.Op("Sub", [g.Scalar(tolerance), g.Op("Abs", [g.Op("Sub", [image, value])])]);

        string resized = g.Op("Cast", [ResizedSize(g)], ("to", 7L));
        string crop = g.Op("Slice", [logits, g.ConstI64([0, 0], 2), resized, g.ConstI64([2, 3], 2)]);
        string size = g.Op("Concat", [g.ConstI64([1, 1], 2), g.Op("Cast", ["orig_im_size"], ("to", 7L))], ("axis", 0L));
        string masks = g.Op("Resize", [crop, "", "", size], ("mode", "linear"));
        string lowRes = g.Op("Resize", [logits, "", "", g.ConstI64([1, 1, 256, 256], 4)], ("mode", "linear"));
        return (masks, lowRes);
    }

    // Region growing on the 256² grid (4×4 means) from the click's cell through cells within the tolerance of
    // the 7×7 mean at the click; then, at full resolution, the pixels within the tolerance inside the grown
    // region (dilated by one cell). Logits ±10 outside/inside the region, 20 × (tolerance − |Δ|) near it.
    private static void ConnectedRegionDecoder(OnnxGraph g)
    {
        string image = g.Op("DepthToSpace", ["image_embeddings"], ("blocksize", 16L));
        string Mean(string x, long k) => g.Op("AveragePool", [x], ("kernel_shape", new long[] { k, k }),
            ("pads", new long[] { k / 2, k / 2, k / 2, k / 2 }), ("count_include_pad", 0L));
        string is1 = g.Op("Cast", [g.Op("Equal", ["point_labels", g.Scalar(1f)])], ("to", 1L));
        string first = g.Op("ArgMax", [is1], ("axis", 1L), ("keepdims", 0L));
        string point = g.Op("Gather", [g.Op("Reshape", [ShiftedCoords(g), g.ConstI64([-1, 2], 2)]), first], ("axis", 0L));
        string Floor(long axis, float cell) => g.Op("Cast", [g.Op("Floor", [g.Op("Div",
            [g.Op("Gather", [point, g.ConstI64([axis])], ("axis", 1L)), g.Scalar(cell)])])], ("to", 7L));
        string index = g.Op("Add", [g.Op("Mul", [Floor(1, 1f), g.ConstI64([1024])]), Floor(0, 1f)]);
        string reference = g.Op("Gather", [g.Op("Reshape", [Mean(image, 7), g.ConstI64([-1], 1)]), index], ("axis", 0L));

        string low = g.Op("AveragePool", [image], ("kernel_shape", new long[] { 4, 4 }), ("strides", new long[] { 4, 4 }));
        string Near(string x) => g.Op("Sub", [g.Scalar(ConnectedRegionTolerance), g.Op("Abs", [g.Op("Sub", [x, reference])])]);
        string similarLow = g.Op("Cast", [g.Op("Greater", [Near(low), g.Scalar(0f)])], ("to", 1L));
        string cell = g.Op("Add", [g.Op("Mul", [Floor(1, 4f), g.ConstI64([256])]), Floor(0, 4f)]);
        string cells = g.Op("Reshape", [g.Op("Range", [g.ConstI64([0]), g.ConstI64([256 * 256]), g.ConstI64([1])]),
            g.ConstI64([1, 1, 256, 256], 4)]);
        string region = g.Op("Cast", [g.Op("Equal", [cells, cell])], ("to", 1L));
        string Dilate(string x) => g.Op("MaxPool", [x], ("kernel_shape", new long[] { 3, 3 }), ("pads", new long[] { 1, 1, 1, 1 }));
        for (int i = 0; i < ConnectedRegionSteps; i++) region = g.Op("Mul", [Dilate(region), similarLow]);
        string regionFull = g.Op("Resize", [Dilate(region), "", "", g.ConstI64([1, 1, 1024, 1024], 4)], ("mode", "nearest"));
        string inside = g.Op("Mul", [g.Op("Sub", [regionFull, g.Scalar(0.5f)]), g.Scalar(20f)]);
        string logits = g.Op("Min", [inside, g.Op("Mul", [Near(image), g.Scalar(20f)])]);

        string resized = g.Op("Cast", [ResizedSize(g)], ("to", 7L));
        string crop = g.Op("Slice", [logits, g.ConstI64([0, 0], 2), resized, g.ConstI64([2, 3], 2)]);
        string size = g.Op("Concat", [g.ConstI64([1, 1], 2), g.Op("Cast", ["orig_im_size"], ("to", 7L))], ("axis", 0L));
        g.Node("Resize", [crop, "", "", size], ["masks"], ("mode", "linear"));
        g.Node("Resize", [logits, "", "", g.ConstI64([1, 1, 256, 256], 4)], ["low_res_masks"], ("mode", "linear"));
        g.Node("Identity", [g.Const([BoxIou], 1, 1)], ["iou_predictions"]);
    }
}

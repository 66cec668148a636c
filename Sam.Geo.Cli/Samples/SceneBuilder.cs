using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// Builds a synthetic scene of textured polygon objects over a textured background, renders it
/// deterministically (objects painted in the order they were added, pixel-centre rule) and writes it as a
/// GeoTIFF with its ground truth (<see cref="SceneWriter"/>). The truth is what stays visible: later objects
/// are subtracted from earlier ones.
/// </summary>
public sealed class SceneBuilder
{
    private readonly List<SceneObject> _objects = [];

    /// <summary>Starts an empty scene of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="background">Base background value per band (its length is the band count).</param>
    /// <param name="backgroundTexture">Background texture (flat when null).</param>
    /// <param name="seed">Seed of every texture in the scene.</param>
    public SceneBuilder(int width, int height, IReadOnlyList<double> background, Texture? backgroundTexture = null, int seed = 1)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"scene size {width}x{height} must be positive");
        if (background.Count == 0) throw new ArgumentException("the background needs one value per band", nameof(background));
        (Width, Height, Background, BackgroundTexture, Seed) = (width, height, background, backgroundTexture ?? Texture.Flat, seed);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of bands (length of every colour).</summary>
    public int BandCount => Background.Count;

    /// <summary>Base background value per band.</summary>
    public IReadOnlyList<double> Background { get; }

    /// <summary>Background texture.</summary>
    public Texture BackgroundTexture { get; }

    /// <summary>Seed of every texture.</summary>
    public int Seed { get; }

    /// <summary>Pixel area holding data; pixels whose centre lies outside become nodata. Null: all.</summary>
    public Geometry? ValidArea { get; set; }

    /// <summary>The objects, in painting order.</summary>
    public IReadOnlyList<SceneObject> Objects => _objects;

    /// <summary>Adds an object on top of those already there; its id is the next free one (1, 2, ...).</summary>
    public SceneObject Add(string @class, Geometry pixelShape, IReadOnlyList<double> color, Texture? texture = null, bool inTruth = true)
    {
        if (color.Count != BandCount) throw new ArgumentException($"{@class}: {color.Count} colour values for {BandCount} bands", nameof(color));
        if (pixelShape is not (Polygon or MultiPolygon) || pixelShape.IsEmpty || !pixelShape.IsValid)
            throw new ArgumentException($"{@class}: the shape must be a valid, non-empty polygon", nameof(pixelShape));
        var o = new SceneObject(_objects.Count + 1, @class, pixelShape, color, texture ?? Texture.Flat, inTruth);
        _objects.Add(o);
        return o;
    }

    /// <summary>Renders the scene: band values quantized to the format's range, and the label map.</summary>
    public RenderedScene Render(RasterFormat format)
    {
        if (format.Bands.Count != BandCount) throw new ArgumentException($"the format has {format.Bands.Count} bands, the scene {BandCount}", nameof(format));
        int n = Width * Height;
        var values = new double[BandCount][];
        for (int b = 0; b < BandCount; b++) values[b] = new double[n];
        var labels = new int[n];
        var hueWeights = Enumerable.Range(0, BandCount).Select(b => Math.Cos(2 * Math.PI * b / BandCount)).ToArray();

        Paint(values, hueWeights, Background, BackgroundTexture, Seed, 0, n);
        foreach (var o in _objects)
        {
            int seed = (int)ValueNoise.Hash(Seed, o.Id, 7919);
            PolygonRasterizer.Fill(o.Shape, Width, 0, Height, (row, c0, last) =>
            {
                Paint(values, hueWeights, o.Color, o.Texture, seed, row * Width + c0, last - c0 + 1);
                labels.AsSpan(row * Width + c0, last - c0 + 1).Fill(o.Id);
            });
        }

        double low = format.NoData is double nd && nd == 0 ? 1 : 0;
        var bands = new ushort[BandCount][];
        for (int b = 0; b < BandCount; b++)
        {
            bands[b] = new ushort[n];
            for (int i = 0; i < n; i++) bands[b][i] = (ushort)Math.Clamp(Math.Round(values[b][i]), low, format.MaxValue);
        }
        if (ValidArea is not null) ApplyValidArea(bands, labels, format.NoData ?? 0);
        return new RenderedScene(Width, Height, bands, labels);
    }

    /// <summary>
    /// The visible part of every truth object (its shape minus all later objects, clipped to
    /// <see cref="ValidArea"/> and to the raster), in pixel coordinates; objects hidden entirely are left out.
    /// </summary>
    public IReadOnlyList<(SceneObject Object, Geometry Visible)> VisibleShapes()
    {
        var result = new List<(SceneObject, Geometry)>();
        for (int i = 0; i < _objects.Count; i++)
        {
            var o = _objects[i];
            if (!o.InTruth) continue;
            var env = o.Shape.EnvelopeInternal;
            var above = _objects.Skip(i + 1).Select(x => x.Shape)
                .Where(s => s.EnvelopeInternal.Intersects(env) && s.Intersects(o.Shape)).ToList();
            var visible = above.Count == 0 ? o.Shape : o.Shape.Difference(UnaryUnionOp.Union(above));
            if (ValidArea is not null) visible = visible.Intersection(ValidArea);
            var frame = Shapes.Box(0, 0, Width, Height);
            if (!frame.EnvelopeInternal.Contains(visible.EnvelopeInternal)) visible = visible.Intersection(frame);
            visible = Polygonal(visible);
            if (!visible.IsEmpty) result.Add((o, visible));
        }
        return result;
    }

    private static Geometry Polygonal(Geometry g)
    {
        if (g is Polygon or MultiPolygon) return g;
        var polygons = Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : Shapes.Factory.CreateMultiPolygon(polygons);
    }

    private void Paint(double[][] values, double[] hueWeights, IReadOnlyList<double> color, Texture texture, int seed, int start, int count)
    {
        int width = Width;
        for (int k = 0; k < count; k++)
        {
            int i = start + k;
            var (t, hue) = texture.IsFlat ? (0, 0) : texture.Evaluate(i % width + 0.5, i / width + 0.5, seed);
            double factor = texture.Amplitude * t;
            for (int b = 0; b < values.Length; b++)
                values[b][i] = color[b] * (1 + factor + texture.ChromaAmplitude * hue * hueWeights[b]);
        }
    }

    private void ApplyValidArea(ushort[][] bands, int[] labels, double noData)
    {
        var inside = PolygonRasterizer.ToMask(ValidArea!, Width, Height);
        for (int i = 0; i < inside.Length; i++)
        {
            if (inside[i] != 0) continue;
            labels[i] = -1;
            foreach (var band in bands) band[i] = (ushort)noData;
        }
    }
}

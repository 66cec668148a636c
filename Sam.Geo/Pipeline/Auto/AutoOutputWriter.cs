using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Sam.Geo.Export;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline.Auto;

/// <summary>
/// Streams the label raster of a finished run, strip by strip, into the output: raw piece ids become object
/// ids (1..N in order of first appearance, row-major), then either polygons (one feature per object, written as
/// soon as the strips pass its last row) or a UInt32 instance-id GeoTIFF on the raster's grid.
/// </summary>
internal sealed class AutoOutputWriter(RasterSource source, PixelWindow area, TileCores cores, TileLabelStore store,
    PieceRegistry registry, AutoSegmentationOptions options, StageTimer timer, int minAreaPixels)
{
    private const int StripRows = MaskRasterWriter.BlockSize;
    private readonly Dictionary<uint, MergedObject> _objects = registry.Objects();
    private readonly uint[] _finalOfRaw = new uint[registry.Count + 1];
    private readonly Dictionary<uint, uint> _finalOfRoot = [];
    private readonly Dictionary<uint, uint> _rootOfFinal = [];
    private const uint Dropped = uint.MaxValue;
    private int _objectCount;

    /// <summary>Writes one feature per object into <paramref name="sink"/> and commits it; returns the count.</summary>
    public long WriteFeatures(IFeatureSink sink, Action<int> rowsDone, CancellationToken cancellation)
    {
        using var areas = new AreaCalculator(source.Crs);
        var toMap = source.GeoTransform.ForWindow(area.Col, area.Row);
        var cleanup = new PolygonCleanupOptions { MinPartAreaInPixels = minAreaPixels, SimplifyToleranceInPixels = options.SimplifyPixels };
        var open = new SortedDictionary<uint, (MergedObject Object, List<Geometry> Parts)>();
        var labels = new uint[area.Width * StripRows];
        for (int row0 = 0; row0 < area.Height; row0 += StripRows)
        {
            cancellation.ThrowIfCancellationRequested();
            int rows = Math.Min(StripRows, area.Height - row0);
            using (timer.Measure(Stage.SeamMerge)) ReadFinal(row0, row0 + rows, labels);
            using (timer.Measure(Stage.Vectorize))
            {
                foreach (var region in LabelVectorizer.Vectorize(labels.AsSpan(0, area.Width * rows), area.Width, rows))
                {
                    uint id = unchecked((uint)region.Label);
                    if (!open.TryGetValue(id, out var entry)) open[id] = entry = (_objects[RootOfFinal(id)], []);
                    entry.Parts.Add(Shift(region.Geometry, row0));
                }
            }
            foreach (var id in open.Keys.Where(id => open[id].Object.Bounds.RowEnd <= row0 + rows).ToList())
            {
                var (obj, parts) = open[id];
                open.Remove(id);
                Geometry geometry;
                using (timer.Measure(Stage.Vectorize))
                {
                    var pixel = PolygonCleaner.Clean(parts.Count == 1 ? parts[0] : CascadedPolygonUnion.Union(parts.Cast<Geometry>().ToList()), cleanup);
                    if (pixel.IsEmpty) continue;
                    geometry = PixelToMap.Transform(pixel, toMap);
                }
                using (timer.Measure(Stage.Write))
                {
                    var tile = cores.Grid[obj.FirstTile].Id.ToString() + (obj.TileCount > 1 ? $"+{obj.TileCount - 1}" : "");
                    sink.Write(SegmentationSchema.Create(geometry, id, "auto", obj.Iou, obj.Stability, areas.SquareMetres(geometry), options.ModelName, tile));
                }
            }
            rowsDone(row0 + rows);
        }
        using (timer.Measure(Stage.Write)) sink.Commit();
        return sink.Count;
    }

    /// <summary>Writes the instance-id mask on the raster's grid (0 outside the area and where no object is).</summary>
    public long WriteMask(string path, bool overwrite, Action<int> rowsDone, CancellationToken cancellation)
    {
        using var writer = MaskRasterWriter.Create(path, source.Raster, RasterDataType.UInt32, overwrite);
        int width = source.Raster.Width;
        var strip = new uint[width * StripRows];
        var labels = new uint[area.Width * StripRows];
        for (int row0 = 0; row0 < source.Raster.Height; row0 += StripRows)
        {
            cancellation.ThrowIfCancellationRequested();
            int rows = Math.Min(StripRows, source.Raster.Height - row0);
            Array.Clear(strip);
            int a0 = Math.Max(row0, area.Row), a1 = Math.Min(row0 + rows, area.RowEnd);
            if (a1 > a0)
            {
                using (timer.Measure(Stage.SeamMerge)) ReadFinal(a0 - area.Row, a1 - area.Row, labels);
                for (int r = a0; r < a1; r++)
                    labels.AsSpan((r - a0) * area.Width, area.Width).CopyTo(strip.AsSpan((r - row0) * width + area.Col, area.Width));
                rowsDone(a1 - area.Row);
            }
            using (timer.Measure(Stage.Write)) writer.Write<uint>(new PixelWindow(0, row0, width, rows), strip.AsSpan(0, width * rows));
        }
        using (timer.Measure(Stage.Write)) writer.Commit();
        return _objectCount;
    }

    /// <summary>Rows of the label raster (area coordinates) with raw ids replaced by object ids.</summary>
    private void ReadFinal(int row0, int row1, uint[] labels)
    {
        var span = labels.AsSpan(0, area.Width * (row1 - row0));
        store.ReadRows(row0, row1, span);
        for (int i = 0; i < span.Length; i++)
        {
            uint raw = span[i];
            if (raw == 0) continue;
            uint final = _finalOfRaw[raw];
            if (final == 0) final = _finalOfRaw[raw] = FinalOf(registry.Find(raw));
            span[i] = final == Dropped ? 0 : final;
        }
    }

    private uint FinalOf(uint root)
    {
        if (_finalOfRoot.TryGetValue(root, out uint final)) return final;
        bool small = _objects[root].AreaInPixels < minAreaPixels;
        final = small ? Dropped : (uint)++_objectCount;
        _finalOfRoot[root] = final;
        if (!small) _rootOfFinal[final] = root;
        return final;
    }

    private uint RootOfFinal(uint final) => _rootOfFinal[final];

    /// <summary>Moves a strip's geometry down by <paramref name="rows"/> (exact: pixel corners are integers).</summary>
    private static Geometry Shift(Geometry geometry, int rows)
    {
        if (rows == 0) return geometry;
        var shifted = geometry.Copy();
        shifted.Apply(new ShiftFilter(rows));
        return shifted;
    }

    private sealed class ShiftFilter(int rows) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i) => seq.SetY(i, seq.GetY(i) + rows);
    }
}

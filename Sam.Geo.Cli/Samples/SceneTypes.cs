using NetTopologySuite.Geometries;
using Sam.Geo.Raster;

namespace Sam.Geo.Cli.Samples;

/// <summary>
/// One object of a synthetic scene. <paramref name="Shape"/> is in pixel coordinates (GDAL corner origin);
/// <paramref name="Color"/> holds one base value per band (band order of the output raster).
/// </summary>
/// <param name="Id">Unique within the scene, 1 or more (0 is the background in label maps).</param>
/// <param name="Class">building, field, lake, road, tree, wood...</param>
/// <param name="Shape">The polygon rasterized for the object (pixel-centre rule).</param>
/// <param name="Color">Base value per band.</param>
/// <param name="Texture">How the pixels vary around the base.</param>
/// <param name="InTruth">False for objects left out of the ground truth.</param>
public sealed record SceneObject(int Id, string Class, Geometry Shape, IReadOnlyList<double> Color, Texture Texture, bool InTruth = true);

/// <summary>
/// An object as written to (or read from) a truth file: the part of its shape that stays visible after
/// later objects were painted over it.
/// </summary>
/// <param name="Id">The object's id (unique in the file).</param>
/// <param name="Class">The object's class.</param>
/// <param name="Color">Base value per band, rounded.</param>
/// <param name="Pixel">Visible outline in pixel coordinates (GDAL corner origin).</param>
/// <param name="LonLat">Visible outline in WGS 84, longitude first (what the GeoJSON holds).</param>
public sealed record TruthObject(int Id, string Class, IReadOnlyList<int> Color, Geometry Pixel, Geometry LonLat);

/// <summary>A generated raster, its truth file, and the objects in that file.</summary>
public sealed record SampleRaster(string RasterPath, string TruthPath, IReadOnlyList<TruthObject> Objects);

/// <summary>Where a scene sits on the ground: the geotransform and the CRS as an EPSG code.</summary>
public sealed record SceneGeoreference(GeoTransform Transform, int Epsg);

/// <summary>The pixel type, band meanings and nodata of a written scene.</summary>
/// <param name="DataType">Byte or UInt16.</param>
/// <param name="Bands">Colour interpretation per band; its length is the band count.</param>
/// <param name="NoData">Declared nodata value of every band (pixels outside the scene's valid area), or null.</param>
public sealed record RasterFormat(RasterDataType DataType, IReadOnlyList<ColorInterpretation> Bands, double? NoData = null)
{
    /// <summary>8-bit RGB.</summary>
    public static RasterFormat Rgb8 { get; } = new(RasterDataType.Byte, [ColorInterpretation.Red, ColorInterpretation.Green, ColorInterpretation.Blue]);

    /// <summary>16-bit blue, green, red, near-infrared with nodata 0.</summary>
    public static RasterFormat Bgrn16 { get; } = new(RasterDataType.UInt16,
        [ColorInterpretation.Blue, ColorInterpretation.Green, ColorInterpretation.Red, ColorInterpretation.Undefined], 0);

    /// <summary>Largest value of the pixel type.</summary>
    public double MaxValue => DataType == RasterDataType.Byte ? byte.MaxValue : ushort.MaxValue;

    /// <summary>True for 3 Byte bands interpreted as R, G, B (written with PHOTOMETRIC=RGB).</summary>
    public bool IsRgb => DataType == RasterDataType.Byte && Bands.SequenceEqual([ColorInterpretation.Red, ColorInterpretation.Green, ColorInterpretation.Blue]);
}

/// <summary>
/// A rendered scene: quantized band values (row-major, one array per band) and a label map holding the id of
/// the object that owns each pixel (0 background, -1 nodata).
/// </summary>
public sealed record RenderedScene(int Width, int Height, ushort[][] Bands, int[] Labels);

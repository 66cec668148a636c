using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sam.Geo.Export;

namespace Sam.Geo.Pipeline;

/// <summary>The attributes every segmented feature carries.</summary>
public static class SegmentationSchema
{
    /// <summary>id, object, score (predicted IoU), stability, area_m2, model, tile.</summary>
    public static FeatureSchema Fields { get; } = new(
        new FieldDefinition("id", FieldType.Integer),
        new FieldDefinition("object", FieldType.String),
        new FieldDefinition("score", FieldType.Real),
        new FieldDefinition("stability", FieldType.Real),
        new FieldDefinition("area_m2", FieldType.Real),
        new FieldDefinition("model", FieldType.String),
        new FieldDefinition("tile", FieldType.String));

    /// <summary>A feature with the schema's attributes.</summary>
    public static Feature Create(Geometry geometry, long id, string objectId, double score, double stability,
        double areaSquareMetres, string model, string tile) =>
        new(geometry, new AttributesTable
        {
            { "id", id },
            { "object", objectId },
            { "score", Math.Round(score, 4) },
            { "stability", Math.Round(stability, 4) },
            { "area_m2", Math.Round(areaSquareMetres, 2) },
            { "model", model },
            { "tile", tile },
        });
}

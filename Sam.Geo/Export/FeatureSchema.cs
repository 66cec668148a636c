using System.Globalization;

namespace Sam.Geo.Export;

/// <summary>The type of an attribute field.</summary>
public enum FieldType
{
    /// <summary>64-bit integer (<see cref="long"/>).</summary>
    Integer,
    /// <summary>Double-precision number (<see cref="double"/>).</summary>
    Real,
    /// <summary>UTF-8 text (<see cref="string"/>).</summary>
    String,
}

/// <summary>One attribute field: its name (as written to GeoJSON and GeoPackage) and type.</summary>
public sealed record FieldDefinition(string Name, FieldType Type);

/// <summary>
/// The attribute fields every feature written to a sink carries, in order. A feature's attribute missing from
/// its table (or null) is written as null; an attribute that is not in the schema is refused.
/// </summary>
public sealed class FeatureSchema
{
    /// <summary>Creates a schema; names must be non-empty and unique (case-insensitively, as GIS formats compare them).</summary>
    public FeatureSchema(IEnumerable<FieldDefinition> fields)
    {
        Fields = fields.ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Fields)
        {
            if (string.IsNullOrWhiteSpace(f.Name)) throw new ArgumentException("field names must not be empty", nameof(fields));
            if (!seen.Add(f.Name)) throw new ArgumentException($"field '{f.Name}' appears twice", nameof(fields));
        }
    }

    /// <summary>Creates a schema from its fields.</summary>
    public FeatureSchema(params FieldDefinition[] fields) : this((IEnumerable<FieldDefinition>)fields) { }

    /// <summary>The fields, in output order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>
    /// The values of <paramref name="attributes"/> in field order, converted to the field types
    /// (<see cref="long"/>, <see cref="double"/>, <see cref="string"/>) or null.
    /// </summary>
    /// <exception cref="ArgumentException">An attribute is not in the schema or cannot be converted.</exception>
    internal void ValuesOf(NetTopologySuite.Features.IAttributesTable? attributes, Span<object?> values)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            object? raw = attributes is not null && attributes.Exists(field.Name) ? attributes[field.Name] : null;
            values[i] = Convert(field, raw);
        }
        if (attributes is null || attributes.Count <= Fields.Count && attributes.GetNames().All(Contains)) return;
        string extra = attributes.GetNames().First(n => !Contains(n));
        throw new ArgumentException($"attribute '{extra}' is not in the schema ({string.Join(", ", Fields.Select(f => f.Name))})");
    }

    private bool Contains(string name) => Fields.Any(f => f.Name == name);

    private static object? Convert(FieldDefinition field, object? raw)
    {
        if (raw is null) return null;
        try
        {
            return field.Type switch
            {
                FieldType.Integer => System.Convert.ToInt64(raw, CultureInfo.InvariantCulture),
                FieldType.Real => System.Convert.ToDouble(raw, CultureInfo.InvariantCulture),
                _ => System.Convert.ToString(raw, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"attribute '{field.Name}' = '{raw}' is not a {field.Type}", e);
        }
    }
}

namespace Sam.Geo.Export;

/// <summary>
/// Shapefile (dBASE) field names hold at most 10 characters: longer names are cut to 10, and a cut that
/// collides with an earlier name ends in a number instead (<c>stability_score</c>, <c>stability_class</c>
/// become <c>stability_</c>, <c>stabilit_1</c>). Names are compared case-insensitively, as dBASE does.
/// </summary>
public static class ShapefileFieldNames
{
    /// <summary>The maximum length of a dBASE field name.</summary>
    public const int MaxLength = 10;

    /// <summary>The shapefile names of <paramref name="names"/>, in the same order, unique and at most 10 characters.</summary>
    public static string[] Shorten(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Length <= MaxLength ? names[i] : names[i][..MaxLength];
            for (int n = 1; !used.Add(name); n++)
            {
                string suffix = "_" + n;
                name = names[i][..Math.Min(names[i].Length, MaxLength - suffix.Length)] + suffix;
            }
            result[i] = name;
        }
        return result;
    }
}

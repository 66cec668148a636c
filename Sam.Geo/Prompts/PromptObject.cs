namespace Sam.Geo.Prompts;

/// <summary>A point prompt in map coordinates of its <see cref="PromptFile.Crs"/> (x / easting / longitude first).</summary>
/// <param name="X">Easting or longitude.</param>
/// <param name="Y">Northing or latitude.</param>
/// <param name="Foreground">True for a foreground point (label 1: "this is the object"), false for background (label 0).</param>
public readonly record struct PromptPoint(double X, double Y, bool Foreground);

/// <summary>A box prompt: an axis-aligned rectangle in map coordinates of its CRS (min ≤ max on both axes).</summary>
/// <param name="MinX">West edge.</param>
/// <param name="MinY">South edge.</param>
/// <param name="MaxX">East edge.</param>
/// <param name="MaxY">North edge.</param>
public readonly record struct PromptBox(double MinX, double MinY, double MaxX, double MaxY);

/// <summary>
/// The prompts for one object to segment: SAM gets all its points and its box (at most one) in one decoder
/// call and returns one mask.
/// </summary>
/// <param name="Id">The object's id: the file's <c>object</c> value, or <c>feature-FID</c> for an ungrouped feature.</param>
/// <param name="Points">Foreground and background points, in file order (may be empty when there is a box).</param>
/// <param name="Box">The box, or null.</param>
public sealed record PromptObject(string Id, IReadOnlyList<PromptPoint> Points, PromptBox? Box);

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sam.Geo.Interop;
using Sam.Geo.Pipeline;

namespace Sam.Geo.Cli.Serve;

/// <summary>The JSON bodies the service answers with, errors included (<c>{"error": "one line"}</c>).</summary>
internal static class JsonResponses
{
    /// <summary>Relaxed escaping, as the GeoJSON sink writes: the body is data, never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Json = "application/json; charset=utf-8";
    public const string GeoJson = "application/geo+json; charset=utf-8";

    /// <summary>Writes <paramref name="body"/> (UTF-8 JSON) with a status code.</summary>
    public static Task WriteAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Writes a JSON object.</summary>
    public static Task WriteAsync(HttpContext context, int status, JsonObject body) =>
        WriteAsync(context, status, Json, JsonSerializer.SerializeToUtf8Bytes(body, Options));

    /// <summary>Writes <c>{"error": message}</c>, the message on one line.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new JsonObject { ["error"] = OneLine(message) });

    /// <summary>
    /// The status and message for an exception: 400 for a mistake in the request (the library's one-line
    /// message naming the culprit), the status Kestrel chose for a malformed request, 503 while stopping,
    /// 500 with the message and no stack trace for anything else.
    /// </summary>
    public static (int Status, string Message) ForException(Exception exception, bool stopping) => exception switch
    {
        SamGeoInputException e => (StatusCodes.Status400BadRequest, e.Message),
        BadHttpRequestException e => (e.StatusCode, e.Message),
        OperationCanceledException when stopping => (StatusCodes.Status503ServiceUnavailable, "the server is stopping"),
        GdalNotFoundException e => (StatusCodes.Status500InternalServerError, e.Message),
        _ => (StatusCodes.Status500InternalServerError, $"internal error: {exception.Message}"),
    };

    /// <summary>
    /// The GeoJSON the sink wrote, plus a foreign member (RFC 7946 §6.1) a front end can show:
    /// <c>"samgeo": {"embeddings": {"cached": n, "encoded": m}, "warnings": [...], "ms": {...}}</c>.
    /// </summary>
    public static byte[] Segmentation(SegmentationResult result, TimeSpan total)
    {
        var collection = JsonNode.Parse(result.GeoJson)!.AsObject();
        int cached = result.Objects.Count(o => o.EmbeddingFromCache);
        var timer = result.Timer;
        collection["samgeo"] = new JsonObject
        {
            ["embeddings"] = new JsonObject { ["cached"] = cached, ["encoded"] = result.Objects.Count - cached },
            ["warnings"] = new JsonArray([.. result.Warnings.Select(w => (JsonNode?)JsonValue.Create(OneLine(w)))]),
            ["ms"] = new JsonObject
            {
                ["read"] = Ms(timer[Stage.Read]),
                ["encode"] = Ms(timer[Stage.Encode]),
                ["cache"] = Ms(timer[Stage.CacheIo]),
                ["decode"] = Ms(timer[Stage.Decode]),
                ["vectorize"] = Ms(timer[Stage.Vectorize]),
                ["total"] = Ms(total),
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(collection, Options);
    }

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

//! The share codec in one call for native callers (the CLI, the tests): raw DEFLATE by
//! miniz_oxide, which compresses as zlib does (dynamic Huffman codes, level 9) and inflates with a
//! cap on the output. The web app does the same steps with the browser's compression streams.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::{
    compressed_archive, fragment, from_archive, to_txtar, EncodeOptions, Encoded, InflateError,
    ShareError, SharedState, MAX_DECODED_BYTES,
};

/// The compression level links are written with: the smallest links, and a share link's archive
/// is small enough that the time does not matter.
const LEVEL: u8 = 9;

/// Raw DEFLATE (RFC 1951, no zlib or gzip header) of `data`.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(data, LEVEL)
}

/// Inflates raw DEFLATE, refusing output beyond `limit` bytes (a few hundred bytes of DEFLATE
/// can expand to gigabytes).
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    decompress_to_vec_with_limit(data, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => InflateError::TooLarge(limit),
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            InflateError::Truncated
        }
        TINFLStatus::Failed
        | TINFLStatus::BadParam
        | TINFLStatus::Adler32Mismatch
        | TINFLStatus::Done => InflateError::Corrupt,
    })
}

/// Encodes `state` as a fragment.
pub fn encode(state: &SharedState, options: &EncodeOptions) -> Result<Encoded, ShareError> {
    let (archive, derived_sums, kept_sums) = to_txtar(state, options)?;
    Ok(Encoded {
        fragment: fragment(&deflate(&archive)),
        derived_sums,
        kept_sums,
    })
}

/// Decodes a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<SharedState, ShareError> {
    let compressed = compressed_archive(fragment)?;
    let archive = inflate(&compressed, MAX_DECODED_BYTES).map_err(ShareError::Inflate)?;
    from_archive(archive)
}

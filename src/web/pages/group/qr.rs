//! A QR code of a link, drawn as inline SVG from the `qrcode` crate: one path of dark modules on a
//! light square, with the quiet zone a scanner needs, so that it prints sharp at any size.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The modules of the code as an SVG path, and the side of its square (quiet zone included), in
/// modules; `None` for a text too long for any QR code (an invitation link is far shorter).
fn path_of(text: &str) -> Option<(String, usize)> {
    // Medium error correction: survives a poster's creases and a phone's glare, and keeps the
    // code small enough to scan from across a table.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    // The renderer writes one `<path d="…"/>`: its data is all the drawing needed here.
    let start = image.find(" d=\"")? + 4;
    let end = start + image[start..].find('"')?;
    Some((image[start..end].to_string(), code.width() + 8))
}

/// A QR code of `text`, named `label` for assistive technology (the link itself is written beside
/// it by the caller, for anyone who cannot scan it).
#[component]
pub fn QrImage(
    text: String,
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    match path_of(&text) {
        Some((path, side)) => {
            let view_box = format!("0 0 {side} {side}");
            view! {
                <svg
                    class=format!("qr-code {class}")
                    role="img"
                    aria-label=label
                    viewBox=view_box
                    shape-rendering="crispEdges"
                    xmlns="http://www.w3.org/2000/svg"
                >
                    <rect width=side height=side fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
            }
            .into_any()
        }
        None => view! {
            <p class="notice">"This link is too long for a QR code: give colleagues the link itself."</p>
        }
        .into_any(),
    }
}

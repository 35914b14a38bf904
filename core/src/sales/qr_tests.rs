//! QR codes read back as a phone reads them: the PNG decoded and scanned, the SVG parsed as
//! XML, drawn from its path and scanned.

use super::qr::*;
use crate::error::Error;

/// What a scanner reads in a grey image of `side` × `side` pixels.
fn scan(side: usize, pixel: impl Fn(usize, usize) -> u8) -> String {
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, pixel);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the image");
    grids[0].decode().expect("the code decodes").1
}

/// The PNG's side and grey pixels.
fn png_pixels(bytes: &[u8]) -> (usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Grayscale, png::BitDepth::Eight));
    assert_eq!(info.width, info.height, "square");
    buf.truncate(info.buffer_size());
    (info.width as usize, buf)
}

/// The SVG parsed as XML, and its path drawn at `scale` pixels a module.
fn svg_pixels(svg: &str, scale: usize) -> (usize, Vec<u8>) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!((root.tag_name().name(), root.tag_name().namespace()), ("svg", Some("http://www.w3.org/2000/svg")));
    let view: Vec<usize> = root.attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    let n = view[2];
    assert_eq!(root.attribute("width").unwrap().parse::<usize>().unwrap(), n * SVG_MODULE_SIZE);
    let rect = root.children().find(|c| c.has_tag_name("rect")).unwrap();
    assert_eq!(rect.attribute("fill"), Some("#ffffff"));
    let path = root.children().find(|c| c.has_tag_name("path")).unwrap();
    assert_eq!(path.attribute("fill"), Some("#000000"));
    let mut dark = vec![false; n * n];
    for piece in path.attribute("d").unwrap().split('M').filter(|p| !p.is_empty()) {
        // `{x} {y}h{run}v1h-{run}z`
        let (xy, rest) = piece.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        assert_eq!(rest, format!("{run}v1h-{run}z"));
        for i in x..x + run {
            dark[y * n + i] = true;
        }
    }
    let side = n * scale;
    let pixels = (0..side * side).map(|i| if dark[(i / side / scale) * n + (i % side) / scale] { 0 } else { 255 }).collect();
    (side, pixels)
}

const LINKS: [&str; 4] = [
    "https://shop.nl/zomer?utm_source=instagram&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen",
    "https://bloemen.xn--caf-dma/%C3%BCber?utm_source=tiktok&utm_medium=influencer&utm_campaign=%D0%BB%D0%B5%D1%82%D0%BE&utm_content=emile_k#top",
    "http://localhost:8080/",
    "https://shop.nl/collections/summer-sale-2026/products/a-rather-long-product-name-with-many-words?variant=123456789&ref=abc&utm_source=youtube&utm_medium=influencer&utm_campaign=black-friday-cyber-monday-2026&utm_content=a.very.long.handle_of_someone",
];

#[test]
fn the_png_scans_back_to_the_link() {
    for link in LINKS {
        let (side, pixels) = png_pixels(&qr_png(link).unwrap());
        assert_eq!(scan(side, |x, y| pixels[y * side + x]), link);
    }
}

#[test]
fn the_svg_is_well_formed_and_scans_back_to_the_link() {
    for link in LINKS {
        let (side, pixels) = svg_pixels(&qr_svg(link).unwrap(), 4);
        assert_eq!(scan(side, |x, y| pixels[y * side + x]), link);
    }
}

#[test]
fn the_png_is_dark_on_light_with_a_quiet_zone_and_large_enough_to_scan() {
    for link in LINKS {
        let (side, pixels) = png_pixels(&qr_png(link).unwrap());
        assert!(side >= PNG_MIN_SIDE, "{side} px");
        assert!(pixels.iter().all(|&p| p == 0 || p == 255));
        // The quiet zone: the outer 4 modules are light; the code's corner finder is dark.
        let module = (0..side).find(|&i| pixels[i * side + i] == 0).unwrap() / QUIET_ZONE;
        assert!(module >= PNG_MIN_MODULE, "{module} px a module");
        for i in 0..QUIET_ZONE * module {
            for j in 0..side {
                assert!([pixels[i * side + j], pixels[j * side + i], pixels[(side - 1 - i) * side + j], pixels[j * side + side - 1 - i]].iter().all(|&p| p == 255));
            }
        }
        assert_eq!(side % module, 0, "whole pixels per module");
    }
}

#[test]
fn the_svg_has_its_quiet_zone_light() {
    let (side, pixels) = svg_pixels(&qr_svg(LINKS[0]).unwrap(), 1);
    for y in 0..side {
        for x in 0..side {
            let edge = x < QUIET_ZONE || y < QUIET_ZONE || x >= side - QUIET_ZONE || y >= side - QUIET_ZONE;
            if edge {
                assert_eq!(pixels[y * side + x], 255, "({x}, {y})");
            }
        }
    }
    assert_eq!(pixels[QUIET_ZONE * side + QUIET_ZONE], 0, "the finder's corner is dark");
}

#[test]
fn an_empty_link_or_one_too_long_for_a_qr_code_is_refused() {
    for (link, code) in [("", "required"), ("  ", "required"), (&*format!("https://shop.nl/?x={}", "a".repeat(3000)), "link_too_long_for_qr")] {
        for result in [qr_svg(link).map(|_| ()), qr_png(link).map(|_| ())] {
            let Err(Error::Validation(f)) = result else { panic!("{link:.20} was not refused") };
            assert_eq!((f[0].field.as_str(), f[0].code), ("link", code));
        }
    }
}

#[test]
fn arbitrary_text_makes_a_qr_code_or_a_clear_refusal() {
    for text in super::links_tests::arbitrary_texts(40) {
        match (qr_svg(&text), qr_png(&text)) {
            (Ok(svg), Ok(_)) => assert!(roxmltree::Document::parse(&svg).is_ok()),
            (Err(Error::Validation(_)), Err(Error::Validation(_))) => assert!(text.trim().is_empty()),
            other => panic!("{text:?}: {other:?}"),
        }
    }
}

//! The server's limits: a long request line, too many or too large headers, a request that
//! trickles in, a body too large, and more connections than it handles at once.

use super::*;
use std::time::Instant;

/// Sends `head` and then `filler` bytes from a thread of its own, as a client that does not
/// stop, and reads what the server answers meanwhile.
fn answer_while_sending(port: u16, head: &str, filler: usize) -> String {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let head = head.to_owned();
    std::thread::spawn(move || {
        let _ = writer.write_all(head.as_bytes());
        let chunk = vec![b'a'; 16 * 1024];
        let mut sent = 0;
        while sent < filler && writer.write_all(&chunk).is_ok() {
            sent += chunk.len();
        }
    });
    let mut out = Vec::new();
    let _ = (&stream).read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_request_line_past_8_kib_is_answered_414_before_it_ends() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    // 64 MiB of a line that never ends: the answer comes after the first 8 KiB.
    let answer = answer_while_sending(port, "GET /", 64 << 20);
    assert!(answer.starts_with("HTTP/1.1 414"), "{answer}");
    let line = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(8 * 1024));
    assert!(send(port, line.as_bytes()).starts_with("HTTP/1.1 414"));
    let fits = format!("GET /?{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(8_000));
    assert!(send(port, fits.as_bytes()).starts_with("HTTP/1.1 200"));
}

#[test]
fn more_than_100_header_lines_or_64_kib_of_them_are_answered_431() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    let lines = |n: usize| (0..n).map(|i| format!("X-{i}: v\r\n")).collect::<String>();
    let request = |headers: &str| format!("GET / HTTP/1.1\r\n{headers}\r\n");
    assert!(send(port, request(&lines(100)).as_bytes()).starts_with("HTTP/1.1 200"));
    assert!(send(port, request(&lines(101)).as_bytes()).starts_with("HTTP/1.1 431"));
    let big = format!("X-Big: {}\r\n", "b".repeat(60 * 1024));
    assert!(send(port, request(&big).as_bytes()).starts_with("HTTP/1.1 200"));
    let two = format!("{big}{big}");
    assert!(send(port, request(&two).as_bytes()).starts_with("HTTP/1.1 431"));
    // One header line that never ends.
    let answer = answer_while_sending(port, "GET / HTTP/1.1\r\nX-Endless: ", 64 << 20);
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
}

#[test]
fn a_request_that_trickles_in_is_cut_off_at_its_deadline() {
    let (site, _) = site();
    let limits = Limits {
        deadline: Duration::from_millis(500),
        ..LIMITS
    };
    let port = spawn_with(site, 4, limits);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let started = Instant::now();
    // A byte every 100 ms: each read is quick, but the request never completes.
    for byte in b"GET / HTTP/1.1\r\nHost: x" {
        if stream.write_all(&[*byte]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_post_body_is_read_only_up_to_its_limit() {
    let (site, _) = site();
    let port = spawn(site).unwrap();
    let too_large = "POST /x HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n";
    assert!(send(port, too_large.as_bytes()).starts_with("HTTP/1.1 413"));
    let no_length = "POST /x HTTP/1.1\r\nHost: x\r\n\r\n";
    assert!(send(port, no_length.as_bytes()).starts_with("HTTP/1.1 411"));
    let small = "POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi";
    assert!(send(port, small.as_bytes()).starts_with("HTTP/1.1 405"));
}

#[test]
fn past_its_connections_a_new_one_waits_until_a_slot_is_free() {
    let (site, _) = site();
    let port = spawn_with(site, 2, LIMITS);
    // Two clients that connect and say nothing hold both slots.
    let idle: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let mut third = TcpStream::connect(("127.0.0.1", port)).unwrap();
    third
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    third
        .set_read_timeout(Some(Duration::from_millis(700)))
        .unwrap();
    let mut first = [0u8; 1];
    assert!(
        third.read(&mut first).is_err(),
        "the third connection is answered only once a slot is free"
    );
    drop(idle);
    third
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut out = Vec::new();
    third.read_to_end(&mut out).unwrap();
    assert!(out.starts_with(b"HTTP/1.1 200"), "{out:?}");
    // And the slots were given back.
    assert!(get(port, "/", "").starts_with("HTTP/1.1 200"));
    assert_eq!(MAX_CONNECTIONS, 64);
}

#[test]
fn a_slot_is_taken_only_once_another_is_given_back() {
    let slots = Slots::new(2);
    let a = slots.take();
    let _b = slots.take();
    let waiting = {
        let slots = Arc::clone(&slots);
        std::thread::spawn(move || {
            let started = Instant::now();
            let _c = slots.take();
            started.elapsed()
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(slots.in_use(), 2, "the third waits");
    drop(a);
    let waited = waiting.join().unwrap();
    assert!(waited >= Duration::from_millis(250), "{waited:?}");
    assert_eq!(
        slots.in_use(),
        1,
        "the third's slot was given back as it ended"
    );
}

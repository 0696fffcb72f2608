//! Standard input, read by the runtime's own poller when it is a pipe or a socket.
//!
//! tokio's `Stdin` reads on a blocking-pool thread, which then has to wake a worker: on a small
//! virtual machine whose idle cores sleep, that second wake-up costs tens of microseconds of
//! every keystroke's latency. A pipe registered with the runtime's poller is read by the worker
//! the kernel wakes. Editors start a language server on pipes (or a socket); a terminal or a
//! regular file cannot be polled and keeps tokio's `Stdin`. Non-blocking mode is only ever set
//! on a pipe or socket: on a terminal it would outlive the server in the shell that shares it.

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio::io::unix::AsyncFd;
use tokio::io::{AsyncRead, Interest, ReadBuf};

/// The server's input: standard input, polled when it can be. Call inside the runtime.
pub(crate) fn stdin() -> Box<dyn AsyncRead + Unpin + Send> {
    let polled = std::io::stdin().as_fd().try_clone_to_owned().ok().and_then(PolledPipe::new);
    match polled {
        Some(pipe) => Box::new(pipe),
        None => Box::new(tokio::io::stdin()),
    }
}

/// A pipe or socket read through the runtime's poller.
pub(crate) struct PolledPipe(AsyncFd<File>);

impl PolledPipe {
    /// `None` when `fd` is not a pipe or socket, or cannot be polled or made non-blocking; it is
    /// then left as it was.
    pub(crate) fn new(fd: OwnedFd) -> Option<PolledPipe> {
        let file = File::from(fd);
        let kind = file.metadata().ok()?.file_type();
        if !(kind.is_fifo() || kind.is_socket()) {
            return None;
        }
        // SAFETY: `file` owns its descriptor, and `AsyncFd` owns `file` until it is dropped, so
        // the descriptor stays open and the same for the registration's whole life.
        let registered = unsafe { AsyncFd::register_with_interest(file, Interest::READABLE) }.ok()?;
        set_nonblocking(registered.get_ref().as_raw_fd()).then_some(PolledPipe(registered))
    }
}

/// Sets `O_NONBLOCK` on the file description behind `fd`; false if that failed.
fn set_nonblocking(fd: std::os::fd::RawFd) -> bool {
    // SAFETY: fcntl with F_GETFL/F_SETFL reads and writes only the descriptor's flags; `fd` is
    // open for as long as the caller holds the file it came from.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) >= 0
    }
}

impl AsyncRead for PolledPipe {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        loop {
            let mut ready = ready!(self.0.poll_read_ready(cx))?;
            let unfilled = buf.initialize_unfilled();
            match ready.try_io(|file| file.get_ref().read(unfilled)) {
                Ok(Ok(n)) => {
                    buf.advance(n);
                    return Poll::Ready(Ok(()));
                }
                Ok(Err(e)) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Ok(Err(e)) => return Poll::Ready(Err(e)),
                // Drained since the poller said it was readable: wait for the next wake-up.
                Err(_would_block) => continue,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use tokio::io::AsyncReadExt;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_pipe_is_read_through_the_poller_to_its_end() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let mut pipe = PolledPipe::new(OwnedFd::from(reader)).expect("a pipe can be polled");
        let sent: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let to_send = sent.clone();
        // More than a pipe holds, in pieces, with pauses: reads must wait for the writer.
        let writing = std::thread::spawn(move || {
            for chunk in to_send.chunks(7_000) {
                writer.write_all(chunk).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        });
        let mut got = Vec::new();
        pipe.read_to_end(&mut got).await.unwrap();
        writing.join().unwrap();
        assert_eq!(got, sent);
    }

    #[tokio::test]
    async fn a_regular_file_is_not_polled() {
        let file = tempfile::tempfile().unwrap();
        assert!(PolledPipe::new(OwnedFd::from(file)).is_none());
    }
}

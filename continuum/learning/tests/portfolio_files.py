"""Small files for portfolio tests, and private storage moved into a temporary folder so
tests never write into var/portfolio."""

import atexit
import shutil
import tempfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from continuum.evidence.models import private_storage

# A valid 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def png(name: str = "ratio-poster.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def private_storage_in(folder: Path) -> None:
    """Point private storage at ``folder`` (tests and the access matrix use this)."""
    private_storage._wrapped = FileSystemStorage(location=folder, base_url=None)


_process_folder: Path | None = None


def private_storage_for_process() -> Path:
    """One temporary folder per test process, removed at exit."""
    global _process_folder
    if _process_folder is None:
        _process_folder = Path(tempfile.mkdtemp(prefix="continuum-portfolio-"))
        atexit.register(shutil.rmtree, _process_folder, ignore_errors=True)
    private_storage_in(_process_folder)
    return _process_folder

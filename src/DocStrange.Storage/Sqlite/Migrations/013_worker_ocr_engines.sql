-- The OCR engines each worker has (JSON list: name, whether it reads, the execution provider PaddleOCR
-- runs on, why not), so an API replica, which runs no OCR itself, can say on /system and /health which
-- engines the workers read with and whether PaddleOCR runs on CUDA or the CPU.
ALTER TABLE workers ADD COLUMN ocr_engines TEXT NOT NULL DEFAULT '[]';

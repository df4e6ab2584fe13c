-- The OCR languages each worker has installed (comma list of Tesseract names), so an API replica, which
-- carries no OCR engine, can say on /system which languages the workers read.
ALTER TABLE workers ADD COLUMN ocr_languages TEXT NOT NULL DEFAULT '';

package photo

import (
	"strings"

	exif "github.com/dsoprea/go-exif/v3"
)

// parseEXIF reads the EXIF block (a TIFF structure) through go-exif: the
// description, artist and copyright of IFD0, the camera and the time the
// picture was taken, and the orientation (0 when absent).
func parseEXIF(block []byte) (map[string]string, int) {
	out := map[string]string{}
	tags, _, err := exif.GetFlatExifData(block, nil)
	if err != nil && len(tags) == 0 {
		return out, 0
	}
	orientation := 0
	var make_, model string
	for _, t := range tags {
		switch t.TagName {
		case "ImageDescription":
			setFirst(out, "caption", exifString(t))
		case "Artist":
			setFirst(out, "creator", exifString(t))
		case "Copyright":
			setFirst(out, "copyright", exifString(t))
		case "DateTimeOriginal":
			setFirst(out, "date", exifString(t))
		case "Make":
			make_ = exifString(t)
		case "Model":
			model = exifString(t)
		case "Orientation":
			if v, ok := t.Value.([]uint16); ok && len(v) > 0 && orientation == 0 {
				orientation = int(v[0])
			}
		}
	}
	if camera := strings.TrimSpace(make_ + " " + model); camera != "" {
		if make_ != "" && strings.HasPrefix(model, make_) {
			camera = model
		}
		out["camera"] = camera
	}
	return out, orientation
}

// exifString is an ASCII tag's value.
func exifString(t exif.ExifTag) string {
	if s, ok := t.Value.(string); ok {
		return strings.TrimRight(s, "\x00 ")
	}
	return ""
}

// setFirst sets m[k] to v unless m[k] is set or v is blank.
func setFirst(m map[string]string, k, v string) {
	if v = strings.TrimSpace(v); v != "" {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
}

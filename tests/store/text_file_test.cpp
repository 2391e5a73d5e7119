// store::read_unlinked_text_file, the migration folder's file reader: a plain regular file is
// read whole (empty included); a link, a missing file or anything else is left to the caller;
// what read_text_file refuses in a regular file is refused here too.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "store/json_access.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

class UnlinkedTextFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flick_text_file_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST_F(UnlinkedTextFile, ReadsARegularFileWholeAndAnEmptyOne) {
  std::string text = "CREATE TABLE \"a\" (\"id\" integer);\n--> statement-breakpoint\n";
  EXPECT_EQ(read_unlinked_text_file(write("0000_a.sql", text)), text);
  EXPECT_EQ(read_unlinked_text_file(write("empty.sql", "")), std::string());
  std::string big(200000, 'x');
  EXPECT_EQ(read_unlinked_text_file(write("big.sql", big)), big);
}

// Both readers leave files::kSpareCapacity bytes past the text, so simdjson parses a snapshot in
// place instead of copying it first.
TEST_F(UnlinkedTextFile, BothReadersLeaveTheSpareCapacityAParserReadsPast) {
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{45844}}) {
    std::string path = write("s" + std::to_string(size) + ".json", std::string(size, ' '));
    std::optional<std::string> unlinked = files::read_unlinked_input_file(path);
    ASSERT_TRUE(unlinked.has_value());
    EXPECT_EQ(unlinked->size(), size);
    EXPECT_GE(unlinked->capacity() - unlinked->size(), files::kSpareCapacity) << size;
    std::string followed = files::read_input_file(path);
    EXPECT_EQ(followed.size(), size);
    EXPECT_GE(followed.capacity() - followed.size(), files::kSpareCapacity) << size;
  }
}

TEST_F(UnlinkedTextFile, LeavesLinksMissingFilesDirectoriesAndFifosToTheCaller) {
  std::string target = write("target.sql", "SELECT 1;");
  fs::create_symlink(target, dir_ / "link.sql");
  EXPECT_EQ(read_unlinked_text_file((dir_ / "link.sql").string()), std::nullopt);
  EXPECT_EQ(read_unlinked_text_file((dir_ / "missing.sql").string()), std::nullopt);
  fs::create_directories(dir_ / "folder.sql");
  EXPECT_EQ(read_unlinked_text_file((dir_ / "folder.sql").string()), std::nullopt);
  ASSERT_EQ(::mkfifo((dir_ / "pipe.sql").c_str(), 0600), 0);
  EXPECT_EQ(read_unlinked_text_file((dir_ / "pipe.sql").string()), std::nullopt)
      << "a FIFO is neither read nor waited on";
  // The link's target itself is a plain file.
  EXPECT_EQ(read_unlinked_text_file(target), "SELECT 1;");
}

TEST_F(UnlinkedTextFile, RefusesWhatReadTextFileRefuses) {
  std::string nul = write("nul.sql", std::string("SELECT 1;\nSE\0LECT", 17));
  try {
    read_unlinked_text_file(nul);
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("nul.sql:2:3: contains a NUL byte"), std::string::npos)
        << error.what();
  }
  EXPECT_THROW(read_unlinked_text_file(write("latin1.sql", "SELECT 'caf\xe9';")), UserError);
}

}  // namespace
}  // namespace flick::store
